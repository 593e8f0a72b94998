export const id = 965;
export const ids = [965];
export const modules = {

/***/ 5965:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S3FileStore: () => (/* binding */ S3FileStore)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46466);
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(53711);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(34560);
// Output files in any S3-compatible service, through the official client. A file's key is its sha256
// under the policy's prefix, so storing one twice is a HEAD request. Credentials come from the node (the
// client's own chain: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, or an instance role), never
// from the policy, which anyone can read.




/** A file stored again after this long is uploaded anew, which restarts its retention. */
const REFRESH_AFTER_MS = 86_400_000;
class S3FileStore {
    options;
    kind = 's3';
    client;
    constructor(options) {
        this.options = options;
        this.client = new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__/* .S3Client */ .YxF({
            region: options.region,
            // The client's default sends a streamed body aws-chunked with a trailing checksum, which S3-compatible
            // services other than AWS may store as it came, framing included. The sha256 is checked on the way back.
            requestChecksumCalculation: 'WHEN_REQUIRED',
            responseChecksumValidation: 'WHEN_REQUIRED',
            ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
            ...(options.credentials ? { credentials: options.credentials } : {}),
        });
    }
    key(sha256) {
        return `${this.options.prefix}${sha256}`;
    }
    url(sha256) {
        return `s3://${this.options.bucket}/${this.key(sha256)}`;
    }
    async put(files) {
        const Bucket = this.options.bucket;
        for (const file of new Map(files.map((f) => [f.sha256, f])).values()) {
            const Key = this.key(file.sha256);
            // There already, and stored lately: retention (by the object's date) keeps it as long as this result.
            const there = await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__/* .HeadObjectCommand */ .l81({ Bucket, Key })).then((head) => head.ContentLength === file.bytes &&
                head.LastModified !== undefined &&
                Date.now() - head.LastModified.getTime() < REFRESH_AFTER_MS, () => false);
            if (there)
                continue;
            await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__/* .PutObjectCommand */ .wKZ({
                Bucket,
                Key,
                Body: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(file.path),
                ContentLength: file.bytes,
                ContentType: 'application/octet-stream',
                Metadata: { sha256: file.sha256 },
            }));
        }
        return files.map((file) => this.url(file.sha256));
    }
    async get(url, dest) {
        const prefix = `s3://${this.options.bucket}/`;
        if (!url.startsWith(prefix))
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`"${url}" is not in this grid's bucket (${prefix}...)`);
        const object = await this.client
            .send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__/* .GetObjectCommand */ .jLs({ Bucket: this.options.bucket, Key: url.slice(prefix.length) }))
            .catch((error) => {
            if (error.name === 'NoSuchKey') {
                throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`output ${url} is not in the bucket (pruned by retention, or never stored)`);
            }
            throw error;
        });
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.pipeline)(object.Body, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(dest, { mode: 0o600 }));
    }
    async prune(before, keep) {
        const Bucket = this.options.bucket;
        let removed = 0;
        let ContinuationToken;
        do {
            const page = await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__/* .ListObjectsV2Command */ .u6x({ Bucket, Prefix: this.options.prefix, ContinuationToken }));
            const old = (page.Contents ?? []).filter((object) => object.Key !== undefined &&
                object.LastModified !== undefined &&
                object.LastModified < before &&
                !keep.has(object.Key.slice(this.options.prefix.length)));
            if (old.length > 0) {
                await this.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_3__/* .DeleteObjectsCommand */ .xvx({ Bucket, Delete: { Objects: old.map((object) => ({ Key: object.Key })) } }));
                removed += old.length;
            }
            ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (ContinuationToken);
        return removed;
    }
}


/***/ })

};
