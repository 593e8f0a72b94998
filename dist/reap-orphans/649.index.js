export const id = 649;
export const ids = [649];
export const modules = {

/***/ 47649:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ArtifactFileStore: () => (/* binding */ ArtifactFileStore)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _actions_artifact__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71258);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(34560);
// Output files as GitHub Actions artifacts, through @actions/artifact: a node running as an action uploads
// each file as an artifact of its own job's run (one file, not zipped), kept for the policy's retention days;
// GitHub deletes it then, so prune has nothing to do. Any reader with a token that may read the repository's
// actions downloads it by id, from any run.




const URL_PATTERN = /^artifact:([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)\/(\d+)\/(\d+)$/;
class ArtifactFileStore {
    options;
    kind = 'artifact';
    client = new _actions_artifact__WEBPACK_IMPORTED_MODULE_2__/* .DefaultArtifactClient */ .t9();
    constructor(options) {
        this.options = options;
    }
    /** The store of the GitHub Actions job this process runs in. */
    static fromEnvironment(scratch, retentionDays, token) {
        const repository = process.env.GITHUB_REPOSITORY ?? '';
        const runId = process.env.GITHUB_RUN_ID ?? '';
        return new ArtifactFileStore({ repository, runId, retentionDays, scratch, ...(token ? { token } : {}) });
    }
    async put(files) {
        if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL || !this.options.runId) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo('outputs.store "artifact" works only in a node that runs as a GitHub Actions job (run-worker): ' +
                'elsewhere use "git" or "s3" in dgrid.json');
        }
        const ids = new Map();
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(this.options.scratch, { recursive: true });
        for (const file of files) {
            if (ids.has(file.sha256))
                continue;
            const name = `dgrid-output-${file.sha256}`;
            // Content-addressed within the run: the same bytes stored twice are one artifact.
            const existing = await this.client.getArtifact(name).then((found) => found.artifact.id, () => undefined);
            if (existing !== undefined) {
                ids.set(file.sha256, existing);
                continue;
            }
            // Uploaded unzipped, the artifact takes its name from the file's: a link under that name.
            const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.options.scratch, 'up-'));
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.link)(file.path, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name));
                const uploaded = await this.client.uploadArtifact(name, [(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name)], dir, {
                    skipArchive: true,
                    retentionDays: this.options.retentionDays,
                });
                if (uploaded.id === undefined)
                    throw new Error(`the artifact service gave no id for ${name}`);
                ids.set(file.sha256, uploaded.id);
            }
            finally {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
            }
        }
        return files.map((file) => `artifact:${this.options.repository}/${this.options.runId}/${ids.get(file.sha256)}`);
    }
    async get(url, dest) {
        const match = URL_PATTERN.exec(url);
        if (!match)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`"${url}" is not an artifact url (artifact:OWNER/REPO/RUN/ID)`);
        const [, owner, repo, runId, id] = match;
        if (!this.options.token) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`downloading ${url} needs a token that may read the repository's actions: pass --token`);
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(this.options.scratch, { recursive: true });
        const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.options.scratch, 'down-'));
        try {
            await this.client.downloadArtifact(Number(id), {
                path: dir,
                findBy: {
                    token: this.options.token,
                    workflowRunId: Number(runId),
                    repositoryOwner: owner,
                    repositoryName: repo,
                },
            });
            const got = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir);
            if (got.length !== 1)
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`artifact ${url} holds ${got.length} files, not the one output file`);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, got[0]), dest);
        }
        finally {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
        }
    }
    /** GitHub deletes an artifact once its retention days are over; nothing is left to prune. */
    async prune() {
        return 0;
    }
}


/***/ })

};
