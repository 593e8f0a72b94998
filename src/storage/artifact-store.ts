// Output files as GitHub Actions artifacts, through @actions/artifact: a node running as an action uploads
// each file as an artifact of its own job's run (one file, not zipped), kept for the policy's retention days;
// GitHub deletes it then, so prune has nothing to do. Any reader with a token that may read the repository's
// actions downloads it by id, from any run.
import { link, mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { UserError } from '../common/errors.js';
import type { FileStore, LocalFile } from './file-store.js';

const URL_PATTERN = /^artifact:([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)\/(\d+)\/(\d+)$/;

export interface ArtifactFileStoreOptions {
  /** owner/name of the repository whose run holds the artifacts (GITHUB_REPOSITORY). */
  repository: string;
  /** The run the node uploads into (GITHUB_RUN_ID); unused for downloads. */
  runId: string;
  /** A token that may read the repository's actions, for downloads (from this run or any other). */
  token?: string;
  retentionDays: number;
  /** A folder of this machine's own for uploads and downloads in flight. */
  scratch: string;
}

export class ArtifactFileStore implements FileStore {
  readonly kind = 'artifact';
  private readonly client = new DefaultArtifactClient();

  constructor(private readonly options: ArtifactFileStoreOptions) {}

  /** The store of the GitHub Actions job this process runs in. */
  static fromEnvironment(scratch: string, retentionDays: number, token?: string): ArtifactFileStore {
    const repository = process.env.GITHUB_REPOSITORY ?? '';
    const runId = process.env.GITHUB_RUN_ID ?? '';
    return new ArtifactFileStore({ repository, runId, retentionDays, scratch, ...(token ? { token } : {}) });
  }

  async put(files: readonly LocalFile[]): Promise<string[]> {
    if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL || !this.options.runId) {
      throw new UserError(
        'outputs.store "artifact" works only in a node that runs as a GitHub Actions job (run-worker): ' +
          'elsewhere use "git" or "s3" in dgrid.json',
      );
    }
    const ids = new Map<string, number>();
    await mkdir(this.options.scratch, { recursive: true });
    for (const file of files) {
      if (ids.has(file.sha256)) continue;
      const name = `dgrid-output-${file.sha256}`;
      // Content-addressed within the run: the same bytes stored twice are one artifact.
      const existing = await this.client.getArtifact(name).then(
        (found) => found.artifact.id,
        () => undefined,
      );
      if (existing !== undefined) {
        ids.set(file.sha256, existing);
        continue;
      }
      // Uploaded unzipped, the artifact takes its name from the file's: a link under that name.
      const dir = await mkdtemp(join(this.options.scratch, 'up-'));
      try {
        await link(file.path, join(dir, name));
        const uploaded = await this.client.uploadArtifact(name, [join(dir, name)], dir, {
          skipArchive: true,
          retentionDays: this.options.retentionDays,
        });
        if (uploaded.id === undefined) throw new Error(`the artifact service gave no id for ${name}`);
        ids.set(file.sha256, uploaded.id);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
    return files.map((file) => `artifact:${this.options.repository}/${this.options.runId}/${ids.get(file.sha256)}`);
  }

  async get(url: string, dest: string): Promise<void> {
    const match = URL_PATTERN.exec(url);
    if (!match) throw new UserError(`"${url}" is not an artifact url (artifact:OWNER/REPO/RUN/ID)`);
    const [, owner, repo, runId, id] = match;
    if (!this.options.token) {
      throw new UserError(`downloading ${url} needs a token that may read the repository's actions: pass --token`);
    }
    await mkdir(this.options.scratch, { recursive: true });
    const dir = await mkdtemp(join(this.options.scratch, 'down-'));
    try {
      await this.client.downloadArtifact(Number(id), {
        path: dir,
        findBy: {
          token: this.options.token,
          workflowRunId: Number(runId),
          repositoryOwner: owner!,
          repositoryName: repo!,
        },
      });
      const got = await readdir(dir);
      if (got.length !== 1) throw new UserError(`artifact ${url} holds ${got.length} files, not the one output file`);
      await rename(join(dir, got[0]!), dest);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** GitHub deletes an artifact once its retention days are over; nothing is left to prune. */
  async prune(): Promise<number> {
    return 0;
  }
}
