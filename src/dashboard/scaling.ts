// How many workers a grid owner should run now. The model is deliberately simple so its reason fits in one
// sentence: enough slots to absorb new arrivals and clear the current backlog within a target time, at the
// pace one slot has actually been finishing tasks.
import { onlineNodes } from './facts.js';
import { formatCount, formatDuration, parseTime } from './format.js';
import type { DashboardInput } from './model.js';

export interface ScalingOptions {
  /** Fewest workers recommended while anything is queued or running; default 1. */
  min?: number;
  /** Most workers recommended; default 20 (a typical cap on concurrent GitHub-hosted jobs). */
  max?: number;
  /** Time in which the backlog should be cleared; default 15 minutes. */
  drainMinutes?: number;
  /** History used to measure rates, ending at its last point; default 60 minutes. */
  windowMinutes?: number;
}

export interface WorkerRecommendation {
  workers: number;
  reason: string;
  arrivalsPerMinute: number;
  /** Tasks one busy slot finishes per minute. */
  perSlotPerMinute: number;
  slotsPerWorker: number;
}

/** A claim costs a fetch, a commit and a push before the task starts; a few seconds on GitHub. */
const CLAIM_OVERHEAD_MS = 5000;
const RECENT_RESULTS = 100;

interface Pace {
  perSlotPerMinute: number;
  source: string;
}

export function recommendWorkers(input: DashboardInput, options: ScalingOptions = {}): WorkerRecommendation {
  const { min = 1, max = 20, drainMinutes = 15, windowMinutes = 60 } = options;
  const queued = input.queued.length;
  const running = input.running.length;
  const slotsPerWorker = median(onlineNodes(input).map((node) => node.slots)) ?? 1;
  if (queued === 0 && running === 0) {
    return {
      workers: 0,
      reason: 'Nothing is queued or running, so no workers are needed.',
      arrivalsPerMinute: 0,
      perSlotPerMinute: 0,
      slotsPerWorker,
    };
  }
  const rates = historyRates(input.history, windowMinutes);
  const arrivalsPerMinute = rates?.arrivalsPerMinute ?? 0;
  // Durations of recent results measure the work itself; the history only samples running counts at commits,
  // so it is the fallback for grids whose results were archived.
  const pace = durationPace(input) ?? measuredPace(rates, windowMinutes) ?? assumedPace(input);
  const demand = arrivalsPerMinute + queued / drainMinutes;
  // A task runs on one slot, so slots beyond the tasks there are to run would sit idle.
  const tasks = queued + running + Math.ceil(arrivalsPerMinute * drainMinutes);
  const slots = Math.max(Math.min(Math.ceil(demand / pace.perSlotPerMinute), tasks), running);
  const needed = Math.ceil(slots / slotsPerWorker);
  const workers = Math.min(max, Math.max(min, needed));

  const state =
    queued === 0
      ? `Nothing is queued and ${formatCount(running)} running`
      : `${formatCount(queued)} queued and ${formatCount(running)} running`;
  const arriving = arrivalsPerMinute > 0 ? ` and about ${frequency(arrivalsPerMinute, 'new tasks')} arrive` : '';
  const fleet = `${workers} ${workers === 1 ? 'worker' : 'workers'} with ${slotsPerWorker} ${slotsPerWorker === 1 ? 'slot' : 'slots'} each`;
  const goal = queued === 0 ? 'keep up' : `clear the queue in about ${drainMinutes} minutes`;
  const cap = needed > max ? ` (capped from ${needed})` : '';
  const speed =
    pace.perSlotPerMinute >= 1
      ? `a slot finishes about ${frequency(pace.perSlotPerMinute, 'tasks')}`
      : `a slot takes about ${formatDuration(60_000 / pace.perSlotPerMinute)} per task`;
  const reason = `${state}; ${speed} (${pace.source})${arriving}, so ${fleet}${cap} would ${goal}.`;
  return { workers, reason, arrivalsPerMinute, perSlotPerMinute: pace.perSlotPerMinute, slotsPerWorker };
}

interface Rates {
  arrivalsPerMinute: number;
  finishesPerMinute: number;
  averageRunning: number;
}

/** Arrival and completion rates over the last window of the history; undefined with under a minute of it. */
function historyRates(history: DashboardInput['history'], windowMinutes: number): Rates | undefined {
  const last = history.at(-1);
  if (!last) return undefined;
  const start = last.time.getTime() - windowMinutes * 60_000;
  const points = history.filter((point) => point.time.getTime() >= start);
  const first = points[0]!;
  const minutes = (last.time.getTime() - first.time.getTime()) / 60_000;
  if (minutes < 1) return undefined;
  const total = (p: typeof last) => p.queued + p.running + p.completed + p.failed;
  const done = (p: typeof last) => p.completed + p.failed;
  // Retention archives results, which shrinks the totals; that is not negative work.
  return {
    arrivalsPerMinute: Math.max(0, total(last) - total(first)) / minutes,
    finishesPerMinute: Math.max(0, done(last) - done(first)) / minutes,
    averageRunning: points.reduce((sum, p) => sum + p.running, 0) / points.length,
  };
}

function measuredPace(rates: Rates | undefined, windowMinutes: number): Pace | undefined {
  if (!rates || rates.finishesPerMinute === 0 || rates.averageRunning < 1) return undefined;
  return {
    perSlotPerMinute: rates.finishesPerMinute / rates.averageRunning,
    source: `measured over the last ${windowMinutes} minutes`,
  };
}

function durationPace(input: DashboardInput): Pace | undefined {
  const recent = [...input.completed, ...input.failed]
    .map((result) => ({ finished: parseTime(result.finished_at)?.getTime() ?? 0, duration: result.duration_ms }))
    .sort((a, b) => b.finished - a.finished)
    .slice(0, RECENT_RESULTS)
    .map((r) => r.duration);
  const typical = median(recent);
  if (typical === undefined) return undefined;
  return {
    perSlotPerMinute: 60_000 / (typical + CLAIM_OVERHEAD_MS),
    source: `from a typical duration of ${formatDuration(typical)} plus claiming`,
  };
}

function assumedPace(input: DashboardInput): Pace {
  const timeoutMs = input.policy.default_timeout_seconds * 1000;
  return {
    perSlotPerMinute: 60_000 / (timeoutMs + CLAIM_OVERHEAD_MS),
    source: `assuming tasks use the ${formatDuration(timeoutMs)} default timeout, as none has finished yet`,
  };
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** "2.5 tasks a minute" or, for slow rates, "12 tasks an hour", so small rates do not round to zero. */
function frequency(perMinute: number, noun: string): string {
  const [count, unit] =
    perMinute >= 1
      ? [perMinute >= 10 ? Math.round(perMinute) : Math.round(perMinute * 10) / 10, 'a minute']
      : [Math.max(1, Math.round(perMinute * 60)), 'an hour'];
  return `${formatCount(count)} ${count === 1 ? noun.replace(/s$/, '') : noun} ${unit}`;
}
