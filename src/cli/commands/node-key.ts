import { homedir } from 'node:os';
import { UserError } from '../../common/errors.js';
import { remoteUrl } from '../../admin/grid-admin.js';
import { generateNodeKey, rotateNodeKey } from '../../admin/node-key.js';
import { GridStore } from '../../git/store.js';
import { cacheDir } from '../../git/cache-dir.js';
import { NODE_ID_PATTERN } from '../../protocol/schemas.js';
import { envToken, gridOptions, jsonOption, str, type Command } from '../command.js';

export const nodeKey: Command = {
  name: 'node-key',
  summary:
    "Make a node's SSH key, which signs its commits (policy nodes.signed_commits), or rotate it with --rotate. " +
    'Prints the public key for dgrid.json (nodes.admitted); the private key goes into a secret for input signing-key.',
  usage: '--node-id ID [--key FILE] [--rotate] [options]',
  options: {
    ...gridOptions,
    'node-id': { type: 'string', placeholder: 'ID', description: 'the node the key is for' },
    key: {
      type: 'string',
      short: 'k',
      placeholder: 'FILE',
      description: 'where the private key goes (default: dgrid-node-<ID>; the public key beside it, .pub)',
    },
    rotate: {
      type: 'boolean',
      default: false,
      description:
        'replace the key at --key (the old one moves to FILE.old); on an open grid, commit the new key signed with the old. Stop the node first',
    },
    ...jsonOption,
  },
  async run(values) {
    const nodeId = str(values['node-id']);
    if (!new RegExp(NODE_ID_PATTERN).test(nodeId)) {
      throw new UserError('give the node id with --node-id: letters, digits, dot, underscore, dash (at most 64)');
    }
    const key = (str(values.key) || `dgrid-node-${nodeId}`).replace(/^~(?=\/|$)/, homedir());
    if (!values.rotate) {
      const publicKey = await generateNodeKey(key, nodeId);
      if (values.json) console.log(JSON.stringify({ node_id: nodeId, public_key: publicKey, key }));
      else {
        console.log(`private key: ${key} (keep it secret: a repository secret for input signing-key)`);
        console.log(`for dgrid.json, nodes.admitted: ${JSON.stringify({ node_id: nodeId, public_key: publicKey })}`);
      }
      return 0;
    }
    const remote = remoteUrl(str(values.repository));
    const branch = str(values.branch);
    const token = envToken();
    const rotation = await rotateNodeKey(key, nodeId, (signingKey) =>
      GridStore.open({
        remote,
        branch,
        dir: cacheDir(remote, branch, 'admin'),
        signingKey,
        ...(token ? { token } : {}),
      }),
    );
    if (values.json) console.log(JSON.stringify({ node_id: nodeId, public_key: rotation.publicKey, ...rotation }));
    else {
      console.log(`new private key: ${key}; the old one is ${rotation.oldKey}`);
      console.log(
        rotation.commit
          ? `committed the new key to nodes/${nodeId}.json, signed with the old one (${rotation.commit.slice(0, 12)})`
          : `dgrid.json admits ${nodeId}: put this key in its nodes.admitted entry: ${rotation.publicKey}`,
      );
    }
    return 0;
  },
};
