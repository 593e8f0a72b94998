// A node of the push-budget benchmark: the worker as `dgrid worker --sandbox none` runs it, but each task
// takes its time without a process of its own (timed-sandbox.ts).
// Run by budget.ts: node build/bench/budget-node.js '{"settings": <WorkerSettings>, "taskMs": 200}'
import { silentLog } from '../src/common/log.js';
import { Worker, type WorkerSettings } from '../src/node/worker.js';
import { TimedSandbox } from './timed-sandbox.js';

const { settings, taskMs } = JSON.parse(process.argv[2]!) as { settings: WorkerSettings; taskMs: number };
await new Worker(settings, new TimedSandbox(taskMs), silentLog).run();
