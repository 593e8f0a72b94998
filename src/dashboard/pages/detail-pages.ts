// detail/<task_id>.html: a task's full record and attempts.
import type { Attempt, Claim, QueuedTask, Result } from '../../protocol/schemas.js';
import { agreement, priorityOf } from '../facts.js';
import { formatAgo, formatDuration, formatTime, parseTime, plural } from '../format.js';
import { STATE_LABEL, STATUS_TONE, detailPath, listPath, repoPath, type Located, type Site } from '../site.js';

export function* detailPages(site: Site): Generator<[string, string]> {
  for (const id of site.detailIds) {
    const found = site.located.get(id);
    if (!found) continue;
    yield [
      detailPath(id),
      site.page('@task', '../', '', id, {
        crumbs: [{ label: STATE_LABEL[found.state], href: listPath(found.state, 1) }],
        task: detail(site, found),
      }),
    ];
  }
}

function detail(site: Site, { state, record }: Located) {
  const fact = (label: string, value: string | number | undefined) =>
    value === undefined || value === '' ? [] : [{ label, value: String(value) }];
  const time = (value: string | undefined) => {
    const parsed = parseTime(value);
    return parsed ? `${formatTime(parsed)} (${formatAgo(parsed, site.now)})` : value;
  };
  const links = (ids: string[]) =>
    ids.map((id) => site.link(id, site.located.get(id)?.state ?? 'queued', site.located.get(id)?.record));
  const result = state === 'completed' || state === 'failed' ? (record as Result) : undefined;
  const claim = state === 'running' ? (record as Claim).claim : undefined;
  const task = record as Partial<QueuedTask>;
  const facts = [
    ...fact('State', state === 'running' ? 'in progress' : state),
    ...fact('Agreement', agreement(record as Partial<Result>, site.input.policy)),
    ...fact('Blocked', site.unrunnableIds.has(record.task_id) ? 'no online node carries all the required labels' : ''),
    ...(result
      ? [
          ...fact('Exit code', result.exit_code === null ? 'none' : result.exit_code),
          ...fact('Reason', result.reason),
          ...fact('Node', result.node_id),
          ...fact('Attempt', result.attempt),
          ...fact('Started', time(result.started_at)),
          ...fact('Finished', time(result.finished_at)),
          ...fact('Duration', formatDuration(result.duration_ms)),
        ]
      : []),
    ...(claim
      ? [
          ...fact('Node', claim.node_id),
          ...fact('Attempt', claim.attempt),
          ...fact('Claimed', time(claim.claimed_at)),
          ...fact('Lease until', time(claim.lease_until)),
        ]
      : []),
    ...fact('Priority', priorityOf(task)),
    ...fact('Timeout', task.timeout_seconds === undefined ? undefined : formatDuration(task.timeout_seconds * 1000)),
    ...fact('Image', task.image),
    ...fact('Max attempts', task.max_attempts),
    ...fact('Requires', task.requires?.join(', ')),
    ...fact('CPUs', task.resources?.cpus),
    ...fact('Memory', task.resources?.memory_mb === undefined ? undefined : `${task.resources.memory_mb} MB`),
    ...fact('Not before', time(task.not_before)),
    ...fact('Environment', task.env ? Object.keys(task.env).join(', ') : undefined),
    ...(task.depends_on?.length ? [{ label: 'Depends on', links: links(task.depends_on) }] : []),
  ];
  const stream = (title: string, text: string, bytes: number, sha: string, truncated: boolean) => ({
    title,
    text,
    meta:
      bytes === 0
        ? 'Empty.'
        : `${plural(bytes, 'byte')}${truncated ? `, truncated: the first ${plural(Buffer.byteLength(text), 'byte')} are kept` : ''}; sha256 ${sha}`,
  });
  const streams = result
    ? [
        stream('Standard output', result.stdout, result.stdout_bytes, result.stdout_sha256, result.stdout_truncated),
        stream('Standard error', result.stderr, result.stderr_bytes, result.stderr_sha256, result.stderr_truncated),
      ]
    : [];
  const outputs = (result?.outputs ?? []).map((file) => ({
    name: file.name,
    size: plural(file.bytes, 'byte'),
    sha256: file.sha256,
    url: file.url,
    href: outputHref(file.url),
    fetch: `dgrid output ${record.task_id} ${shellWord(file.name)}`,
  }));
  const attempts = [
    ...(task.attempts ?? []).map((a) => attemptRow(a)),
    ...(claim
      ? [
          {
            attempt: claim.attempt,
            node: claim.node_id,
            started: timeOf(claim.claimed_at),
            ended: '–',
            status: 'running',
            tone: 'info',
            exitCode: '–',
            reason: '',
          },
        ]
      : []),
    ...(result
      ? [
          {
            attempt: result.attempt,
            node: result.node_id,
            started: timeOf(result.started_at),
            ended: timeOf(result.finished_at),
            status: result.status,
            tone: STATUS_TONE[result.status] ?? 'neutral',
            exitCode: result.exit_code === null ? '–' : String(result.exit_code),
            reason: result.reason ?? '',
          },
        ]
      : []),
  ];
  const stored: Record<string, unknown> = { ...record };
  delete stored.stdout;
  delete stored.stderr;
  const path = repoPath(state, record, site.input.queuedPaths);
  return {
    id: record.task_id,
    status: result ? result.status : state === 'running' ? 'running' : 'queued',
    tone: result ? (STATUS_TONE[result.status] ?? 'neutral') : state === 'running' ? 'info' : 'neutral',
    facts,
    description: task.description,
    script: task.script,
    streams,
    outputs,
    attempts,
    replicas: (result?.replicas ?? []).map((r) => ({
      attempt: r.attempt,
      node: r.node_id,
      exitCode: r.exit_code === null ? '–' : String(r.exit_code),
      verdict: r.verdict,
      tone: STATUS_TONE[r.verdict] ?? 'neutral',
      digest: r.digest === null ? '–' : r.digest.slice(0, 12),
    })),
    json: JSON.stringify(stored, null, 2),
    recordNote: result
      ? 'The file as stored in the grid, without stdout and stderr (shown above).'
      : 'The file as stored in the grid.',
    repoHref: site.repoHref(state, record),
    repoPath: path,
  };
}

function attemptRow(a: Attempt) {
  return {
    attempt: a.attempt,
    node: a.node_id,
    started: timeOf(a.claimed_at),
    ended: timeOf(a.ended_at),
    status: a.status,
    tone: STATUS_TONE[a.status] ?? 'neutral',
    exitCode: a.exit_code === null || a.exit_code === undefined ? '–' : String(a.exit_code),
    reason: a.reason,
  };
}

function timeOf(value: string): string {
  const parsed = parseTime(value);
  return parsed ? formatTime(parsed) : value;
}

/**
 * A page where a browser gets the file: an artifact's page on GitHub. A git output is fetched by its own
 * ref and an S3 object with the node's credentials, so those are shown with the command that fetches them.
 */
function outputHref(url: string): string | undefined {
  const artifact = /^artifact:([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)\/(\d+)\/(\d+)$/.exec(url);
  return artifact
    ? `https://github.com/${artifact[1]}/${artifact[2]}/actions/runs/${artifact[3]}/artifacts/${artifact[4]}`
    : undefined;
}

/** A file name as one word of a shell command: quoted unless it is plain. */
function shellWord(name: string): string {
  return /^[A-Za-z0-9._/-]+$/.test(name) ? name : `'${name.replace(/'/g, `'\\''`)}'`;
}
