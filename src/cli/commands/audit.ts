import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { auditGrid, formatViolation, type AuditReport } from '../../upkeep/audit.js';
import { UserError } from '../../common/errors.js';
import { openGrid } from '../../admin/shard-stores.js';
import { GridSnapshot } from '../../protocol/snapshot.js';
import { tokenFor } from '../../protocol/shards.js';
import { shardProblems } from '../../upkeep/shard-audit.js';
import { GridStore } from '../../git/store.js';
import { cacheDir } from '../../git/cache-dir.js';
import { envToken, gridAccess, gridOptions, jsonOption, str, type Command } from '../command.js';

export const audit: Command = {
  name: 'audit',
  summary:
    'Replay the grid branch commit by commit and check its history: each task in one place in every commit, ' +
    'every result backed by the claim it ends, no claim finished twice, attempts that only grow, nothing lost ' +
    'but what went to the archive. In a sharded grid, each shard, and that every shard has the same dgrid.json ' +
    'and holds only tasks at home there. Exits 1 on a violation.',
  usage: '[options]',
  options: {
    ...gridOptions,
    checkpoint: {
      type: 'string',
      placeholder: 'FILE',
      description:
        "keep the audit state in FILE (yours, not the grid's): the next audit replays only the commits since, " +
        "once git shows FILE's commit is on the branch; otherwise it replays everything",
    },
    ...jsonOption,
  },
  async run(values) {
    const access = gridAccess(values);
    const { remote, branch } = access;
    const own = await source(remote, branch);
    const checkpoint = values.checkpoint === undefined ? {} : { checkpoint: str(values.checkpoint) };
    const grid = await openGrid(access, 'audit-tip', { partial: true, depth: 1 });
    if (grid.shards.length === 1) {
      const report = await auditGrid(own, branch, checkpoint);
      if (values.json) console.log(JSON.stringify(report, null, 2));
      else print(report);
      return report.ok ? 0 : 1;
    }
    // Each shard is a grid of its own history; across them, one policy and each task at home.
    const reports: (AuditReport & { repository: string })[] = [];
    const tips = [];
    for (const { url, store } of grid.shards) {
      const token = tokenFor(url, access, access.tokens);
      reports.push({ repository: url, ...(await auditGrid(await source(url, branch, token), branch)) });
      tips.push({ url, snapshot: await GridSnapshot.load(store, await store.fetch()) });
    }
    const problems = await shardProblems(tips);
    const ok = problems.length === 0 && reports.every((r) => r.ok);
    if (values.json) console.log(JSON.stringify({ ok, shards: reports, problems }, null, 2));
    else {
      for (const report of reports) {
        console.log(`${report.repository}:`);
        print(report);
      }
      for (const problem of problems) console.log(problem);
      console.log(ok ? `all ${reports.length} shards passed` : `audit FAILED across the shards`);
    }
    return ok ? 0 : 1;
  },
};

/** A local repository is read in place; a remote one is fetched, with its full history, into a cache. */
async function source(remote: string, branch: string, token = envToken()): Promise<GridStore | string> {
  if (remote.startsWith('file:')) {
    const path = fileURLToPath(remote);
    if (!existsSync(path)) throw new UserError(`${path} does not exist: give the path or URL of a grid repository`);
    return path;
  }
  return GridStore.open({
    remote,
    branch,
    dir: cacheDir(remote, branch, 'audit'),
    depth: 0,
    ...(token ? { token } : {}),
    waitOutRateLimits: true,
  });
}

function print(report: AuditReport): void {
  for (const violation of report.violations) console.log(formatViolation(violation));
  const hidden = report.violationCount - report.violations.length;
  if (hidden > 0) console.log(`... and ${hidden} more`);
  const f = report.figures;
  console.log(
    `${report.ok ? 'audit passed' : `audit FAILED: ${report.violationCount} violation(s)`}: ${report.branch} at ` +
      `${report.tip?.slice(0, 12)}: ${report.resumedFrom ? `resumed after ${report.resumedFrom.slice(0, 12)}, ` : ''}replayed ${f.commits} commits in ${(report.ms / 1000).toFixed(1)} s: ${f.tasks} tasks, ` +
      `${f.claims} claims, ${f.results} results, ${f.requeues} attempts back in the queue, ${f.archived} archived`,
  );
}
