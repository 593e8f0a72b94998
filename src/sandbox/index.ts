import { UserError } from '../common/errors.js';
import { DockerSandbox } from './docker.js';
import { ProcessSandbox } from './process.js';
import type { Sandbox } from './sandbox.js';

export type SandboxKind = 'docker' | 'none';
export const SANDBOX_KINDS: readonly SandboxKind[] = ['docker', 'none'];

/** The sandbox for a worker; docker must answer before a worker claims anything it could not run. */
export async function createSandbox(kind: SandboxKind): Promise<Sandbox> {
  if (kind === 'none') return new ProcessSandbox();
  const probe = await DockerSandbox.probe();
  if (!probe.ok) {
    if (/permission denied/i.test(probe.reason)) {
      throw new UserError(
        `sandbox "docker": this user may not use the Docker socket (${probe.reason}); add it to the socket's ` +
          'group (usermod -aG docker USER, or docker run --group-add "$(stat -c %g /var/run/docker.sock)")',
      );
    }
    throw new UserError(
      `sandbox "docker": no Docker daemon answers (${probe.reason}); start Docker or run on a runner that has it. ` +
        'Only for tasks you trust: sandbox "none" (--sandbox none) runs them as plain processes of this user, ' +
        'with no isolation',
    );
  }
  return new DockerSandbox();
}
