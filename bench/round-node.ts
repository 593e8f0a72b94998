// The node of the round-cost benchmark, in a process of its own as every node runs: the benchmark's own
// memory (a grid of a hundred thousand results written through it) would otherwise slow each git process the
// node starts, as a fork costs what the parent process holds.
// Run by round-cost.ts: node build/bench/round-node.js '<WorkerSettings as JSON>'
import { silentLog } from '../src/common/log.js';
import { ProcessSandbox } from '../src/sandbox/process.js';
import { Worker, type WorkerSettings } from '../src/node/worker.js';

const settings = JSON.parse(process.argv[2]!) as WorkerSettings;
await new Worker(settings, new ProcessSandbox(), silentLog).run();
