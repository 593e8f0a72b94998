import type { TestContext } from 'node:test';
import { DockerSandbox } from '../../src/sandbox/docker.js';

/** The image the tests run tasks in; .ci/run builds it from a Debian root filesystem. */
export const TEST_IMAGE = process.env.DGRID_TEST_IMAGE ?? 'dgrid-sandbox:bookworm';

/**
 * Docker tests run against a real daemon. Without one they are skipped on a developer's machine and fail
 * in CI, where .ci/run starts the daemon and builds the image.
 */
export async function dockerOrSkip(t: TestContext): Promise<boolean> {
  const probe = await DockerSandbox.probe();
  const image = probe.ok && (await DockerSandbox.hasImage(TEST_IMAGE));
  if (probe.ok && image) return true;
  const why = probe.ok ? `image ${TEST_IMAGE} is missing (bash scripts/sandbox-image.sh builds it)` : probe.reason;
  if (process.env.CI === 'true') throw new Error(`Docker is required in CI: ${why}`);
  t.skip(`no Docker: ${why}`);
  return false;
}
