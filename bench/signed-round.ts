// What checking commits costs a node: its round on a grid that wants signed commits (each commit signed, every
// new commit's signature and rules checked) against its round on a plain grid, in the same run, alternating so
// that a busy moment of the machine weighs on both. Run alone: node build/bench/signed-round.js
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateNodeKey } from '../src/admin/node-key.js';
import { measureRoundCost } from './round-cost.js';

const QUEUED = 100;
const RESULTS = 1_000;

export interface SignedRound {
  plainMs: number;
  signedMs: number;
}

export async function measureSignedRound(root: string, repeats: number): Promise<SignedRound> {
  const key = join(root, 'signed-round-key');
  await generateNodeKey(key, 'bench-node');
  const plain: number[] = [];
  const signed: number[] = [];
  for (let i = 0; i < repeats; i++) {
    plain.push((await measureRoundCost(root, QUEUED, RESULTS, { name: `plain-round-${i}` })).roundMs);
    const options = { name: `signed-round-${i}`, policy: { nodes: { signed_commits: true } }, signingKey: key };
    signed.push((await measureRoundCost(root, QUEUED, RESULTS, options)).roundMs);
  }
  return { plainMs: median(plain), signedMs: median(signed) };
}

const median = (figures: number[]) => [...figures].sort((a, b) => a - b)[Math.floor(figures.length / 2)]!;

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const root = await mkdtemp(join(tmpdir(), 'dgrid-signed-round-'));
  try {
    const { plainMs, signedMs } = await measureSignedRound(root, 3);
    const ratio = signedMs / plainMs;
    console.log(
      `a round: ${plainMs} ms plain, ${signedMs} ms signed and checked; ratio ${ratio.toFixed(2)} (target <= 1.2)`,
    );
    process.exitCode = ratio <= 1.2 ? 0 : 1;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
