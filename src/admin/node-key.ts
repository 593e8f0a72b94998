// A node's SSH key: made with ssh-keygen (ed25519, no passphrase: a node signs unattended), and rotated. On an
// open grid a node's key is pinned the first time its node file names it, so a new key takes one commit signed
// with the old one, naming the new; on a grid that admits its nodes, the maintainers change dgrid.json instead.
import { execFile } from 'node:child_process';
import { access, rename } from 'node:fs/promises';
import { promisify } from 'node:util';
import { UserError } from '../common/errors.js';
import { publicKeyOf } from '../git/commit-signature.js';
import type { GridStore } from '../git/store.js';
import { nodeChange } from '../protocol/transitions.js';
import { transact } from '../protocol/transaction.js';

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** Makes a key pair at keyPath (and keyPath.pub); returns the public key as "ssh-ed25519 AAAA...". */
export async function generateNodeKey(keyPath: string, nodeId: string): Promise<string> {
  if (await exists(keyPath)) {
    throw new UserError(`${keyPath} exists: give another --key, or --rotate to replace that key`);
  }
  try {
    await promisify(execFile)('ssh-keygen', [
      '-q',
      '-t',
      'ed25519',
      '-N',
      '',
      '-C',
      `dgrid node ${nodeId}`,
      '-f',
      keyPath,
    ]);
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') throw new UserError('ssh-keygen was not found: install OpenSSH 8.1 or later');
    throw new UserError(`ssh-keygen could not write ${keyPath}: ${failure.stderr?.trim() || failure.message}`);
  }
  return publicKeyOf(keyPath);
}

export interface Rotation {
  publicKey: string;
  /** Where the old key went. */
  oldKey: string;
  /** The commit that names the new key, signed with the old; undefined when dgrid.json admits the node. */
  commit?: string;
}

/**
 * Replaces the key at keyPath with a new one (the old moves to keyPath.old), and on an open grid commits the
 * node's file naming the new key, signed with the old one. `open` gives the grid's store signing with a key.
 * Stop the node first: a commit it signs with the old key after this one is void.
 */
export async function rotateNodeKey(
  keyPath: string,
  nodeId: string,
  open: (signingKey: string) => Promise<GridStore>,
): Promise<Rotation> {
  if (!(await exists(keyPath))) throw new UserError(`${keyPath} does not exist: there is no key to rotate`);
  const oldKey = `${keyPath}.old`;
  if (await exists(oldKey)) throw new UserError(`${oldKey} exists from an earlier rotation: move it away first`);
  await publicKeyOf(keyPath);
  await rename(keyPath, oldKey);
  await rename(`${keyPath}.pub`, `${oldKey}.pub`).catch(() => undefined);
  const publicKey = await generateNodeKey(keyPath, nodeId);
  const store = await open(oldKey);
  const { commit } = await transact(
    store,
    async (snapshot) => {
      const policy = await snapshot.policy();
      if (policy.nodes.admitted.some((a) => a.node_id === nodeId)) return null;
      const node = await snapshot.node(nodeId);
      if (!node) throw new UserError(`the grid has no node file nodes/${nodeId}.json: start the node with the new key`);
      return {
        changes: [nodeChange({ ...node, public_key: publicKey })],
        message: `dgrid: ${nodeId}: rotate its key\n`,
        value: null,
      };
    },
    { author: nodeId, states: [] },
  );
  return { publicKey, oldKey, ...(commit ? { commit } : {}) };
}
