// The grid's file formats. Each schema is the single source of both the shipped JSON Schema
// (schemas/*.schema.json) and the TypeScript type, so the two cannot drift.
import { Type, type Static, type TSchema } from '@sinclair/typebox';

export const TASK_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$';
export const NODE_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$';
export const LABEL_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$';
export const ENV_NAME_PATTERN = '^[A-Z_][A-Z0-9_]*$';
export const MAX_SCRIPT_BYTES = 64 * 1024;
/** The fewest CPUs a task may ask for: Docker refuses a smaller --cpus, so such a task could never run. */
export const MIN_CPUS = 0.01;
// No process can receive a NUL in its arguments or environment, and a line break in an environment value
// would split it in an env file: a task holding either could never start.
export const NO_NUL_PATTERN = '^[^\\u0000]*$';
export const SINGLE_LINE_PATTERN = '^[^\\u0000\\n\\r]*$';
export const VERSION_PATTERN = '^(0|[1-9][0-9]{0,5})\\.(0|[1-9][0-9]{0,5})\\.(0|[1-9][0-9]{0,5})$';

const TaskId = Type.String({
  pattern: TASK_ID_PATTERN,
  description: 'Letters, digits, dot, underscore, dash; 1 to 128 characters',
});
const NodeId = Type.String({ pattern: NODE_ID_PATTERN });
const Label = Type.String({ pattern: LABEL_PATTERN });
const DateTime = Type.String({ format: 'date-time' });
const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });
const PublicKey = Type.String({
  pattern: '^(ssh-ed25519|ecdsa-sha2-nistp(256|384|521)|ssh-rsa) [A-Za-z0-9+/]+={0,2}$',
  maxLength: 2048,
  description: 'An SSH public key, "ssh-ed25519 AAAA..." without comment; the node signs its commits with it',
});

export const Priority = Type.Union([Type.Literal('high'), Type.Literal('normal'), Type.Literal('low')]);
export type Priority = Static<typeof Priority>;

export const Status = Type.Union([
  Type.Literal('success'),
  Type.Literal('failure'),
  Type.Literal('timeout'),
  Type.Literal('error'),
  Type.Literal('cancelled'),
]);
export type Status = Static<typeof Status>;

/**
 * A file pattern under /out: relative, no `..` step, no control character. One pattern (a lookahead for the
 * `..`), not a `not` clause: the problems a gate reports name a pattern, where a failed `not` says nothing.
 */
export const OUTPUT_PATTERN = '^(?!(?:.*/)?\\.\\.(?:/|$))[^/\\u0000-\\u001f][^\\u0000-\\u001f]*$';
const OutputPattern = Type.String({
  minLength: 1,
  maxLength: 256,
  pattern: OUTPUT_PATTERN,
  description: 'Relative to /out; no ".." step and no control character',
});

/** An output file as a result lists it: the store's url, and the size and digest a download is checked against. */
export const StoredFileSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 1024, description: 'Its path under /out' }),
    bytes: Type.Integer({ minimum: 0 }),
    sha256: Sha256,
    url: Type.String({ minLength: 1, maxLength: 2048 }),
  },
  { additionalProperties: false },
);
export type StoredFile = Static<typeof StoredFileSchema>;

const taskFields = {
  $schema: Type.Optional(Type.String()),
  task_id: TaskId,
  script: Type.String({
    minLength: 1,
    maxLength: MAX_SCRIPT_BYTES,
    pattern: NO_NUL_PATTERN,
    description: 'Run by /bin/sh -c inside the sandbox; no NUL character',
  }),
  timeout_seconds: Type.Optional(Type.Integer({ minimum: 1, description: 'Default 30; at most the policy maximum' })),
  image: Type.Optional(
    Type.String({ minLength: 1, maxLength: 256, description: 'Container image; must be allowlisted by the policy' }),
  ),
  priority: Type.Optional(Priority),
  depends_on: Type.Optional(Type.Array(TaskId, { uniqueItems: true, maxItems: 100 })),
  max_attempts: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
  requires: Type.Optional(
    Type.Array(Label, {
      uniqueItems: true,
      maxItems: 32,
      description: "Labels a node must carry to claim it; one of the policy's labels when the grid lists them",
    }),
  ),
  resources: Type.Optional(
    Type.Object(
      {
        cpus: Type.Optional(
          Type.Number({ minimum: MIN_CPUS, maximum: 256, description: "At least 0.01; at most the policy's limit" }),
        ),
        memory_mb: Type.Optional(Type.Integer({ minimum: 16, maximum: 1048576 })),
      },
      { additionalProperties: false },
    ),
  ),
  not_before: Type.Optional(
    Type.String({
      format: 'date-time',
      description: "Not claimed earlier; at most the policy's max_delay_days ahead",
    }),
  ),
  env: Type.Optional(
    Type.Record(Type.String(), Type.String({ maxLength: 4096, pattern: SINGLE_LINE_PATTERN }), {
      description: 'Extra environment; values hold no NUL character and no line break',
      propertyNames: {
        pattern: ENV_NAME_PATTERN,
        not: { anyOf: [{ pattern: '^LD_' }, { enum: ['PATH', 'HOME'] }] },
      },
      maxProperties: 64,
    }),
  ),
  description: Type.Optional(Type.String({ maxLength: 4096 })),
  outputs: Type.Optional(
    Type.Array(OutputPattern, {
      uniqueItems: true,
      minItems: 1,
      maxItems: 32,
      description: 'Glob patterns (*, **, ?) of files the script writes under /out, stored beside the result',
    }),
  ),
  secrets: Type.Optional(
    Type.Array(Type.String({ pattern: ENV_NAME_PATTERN, maxLength: 128 }), {
      uniqueItems: true,
      minItems: 1,
      maxItems: 32,
      description:
        "Secrets a node may provide as environment variables of these names; one of the policy's secrets. Their values are redacted from everything the task sends back",
    }),
  ),
  signature: Type.Optional(Type.String({ maxLength: 8192, description: 'SSH signature (namespace dgrid-task)' })),
  min_worker_version: Type.Optional(
    Type.String({
      pattern: VERSION_PATTERN,
      description: 'Only nodes of this dgrid version or newer claim it (MAJOR.MINOR.PATCH)',
    }),
  ),
  quorum: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 9,
      description: "Agreeing results from different nodes needed before one becomes the result; default the policy's",
    }),
  ),
  max_results: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 20,
      description: 'Runs allowed before the task fails for lack of agreement; at least quorum, default quorum + 2',
    }),
  ),
};

/** A task as a submitter writes it in tasks/queue/. */
export const TaskSchema = Type.Object(taskFields, {
  $id: 'https://dgrid.dev/schemas/task.schema.json',
  title: 'dgrid task',
  additionalProperties: false,
});
export type Task = Static<typeof TaskSchema>;

/** One finished or abandoned attempt, kept in the record's history. */
export const AttemptSchema = Type.Object(
  {
    attempt: Type.Integer({ minimum: 1 }),
    node_id: NodeId,
    claim_token: Type.String(),
    claimed_at: DateTime,
    ended_at: DateTime,
    /** `node_error`: the node failed under it (sandbox, image, disk); it does not count against max_attempts. */
    status: Type.Union([Status, Type.Literal('orphaned'), Type.Literal('returned'), Type.Literal('node_error')]),
    reason: Type.String(),
    exit_code: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  },
  { additionalProperties: false },
);
export type Attempt = Static<typeof AttemptSchema>;

/**
 * The last checkpoint a node stored for a task (docs/reliability.md#checkpoints): a retried attempt restores
 * it only when its bytes hash to `sha256`, which the grid records, so no other node can slip in its own.
 */
export const CheckpointSchema = Type.Object(
  {
    sha256: Sha256,
    bytes: Type.Integer({ minimum: 0 }),
    /** Where the store keeps it: for the git store, a ref of the grid's repository. */
    ref: Type.String({ minLength: 1, maxLength: 512 }),
    node_id: NodeId,
    attempt: Type.Integer({ minimum: 1 }),
    at: DateTime,
  },
  { additionalProperties: false },
);
export type Checkpoint = Static<typeof CheckpointSchema>;

const managedFields = {
  attempts: Type.Optional(Type.Array(AttemptSchema, { description: 'Earlier attempts, written by dgrid' })),
  checkpoint: Type.Optional(CheckpointSchema),
};

/** A task back in the queue after an attempt: the task plus its history. */
export const QueuedTaskSchema = Type.Object(
  { ...taskFields, ...managedFields },
  { $id: 'https://dgrid.dev/schemas/queued-task.schema.json', title: 'dgrid queued task', additionalProperties: false },
);
export type QueuedTask = Static<typeof QueuedTaskSchema>;

export const ClaimInfoSchema = Type.Object(
  {
    node_id: NodeId,
    token: Type.String({ minLength: 16 }),
    attempt: Type.Integer({ minimum: 1 }),
    claimed_at: DateTime,
    lease_until: DateTime,
  },
  { additionalProperties: false },
);
export type ClaimInfo = Static<typeof ClaimInfoSchema>;

/** A task in tasks/in_progress/: the task plus the claim that fences it. */
export const ClaimSchema = Type.Object(
  { ...taskFields, ...managedFields, claim: ClaimInfoSchema },
  { $id: 'https://dgrid.dev/schemas/claim.schema.json', title: 'dgrid claim', additionalProperties: false },
);
export type Claim = Static<typeof ClaimSchema>;

/** How a replica run of a quorum task was judged: in the agreeing majority, outvoted, or no result to judge. */
export const Verdict = Type.Union([Type.Literal('valid'), Type.Literal('invalid'), Type.Literal('error')]);
export type Verdict = Static<typeof Verdict>;

/** One run of a quorum task, as its final result lists it. */
export const ReplicaSchema = Type.Object(
  {
    node_id: NodeId,
    attempt: Type.Integer({ minimum: 1 }),
    exit_code: Type.Union([Type.Integer(), Type.Null()]),
    digest: Type.Union([Sha256, Type.Null()], { description: 'What agreement compares; null for a run that errored' }),
    verdict: Verdict,
  },
  { additionalProperties: false },
);
export type Replica = Static<typeof ReplicaSchema>;

/**
 * A finished task in tasks/completed/ or tasks/failed/. The task fields are optional because a file that
 * was never a valid task still gets a result saying why.
 */
export const ResultSchema = Type.Object(
  {
    ...Type.Partial(Type.Object(taskFields)).properties,
    task_id: Type.String({ minLength: 1 }),
    ...managedFields,
    claim: Type.Optional(ClaimInfoSchema),
    node_id: Type.String(),
    status: Status,
    exit_code: Type.Union([Type.Integer(), Type.Null()]),
    reason: Type.Optional(Type.String()),
    timestamp: DateTime,
    started_at: DateTime,
    finished_at: DateTime,
    duration_ms: Type.Integer({ minimum: 0 }),
    attempt: Type.Integer({ minimum: 0 }),
    stdout: Type.String(),
    stdout_bytes: Type.Integer({ minimum: 0, description: 'Byte count of the full stdout' }),
    stdout_sha256: Sha256,
    stdout_truncated: Type.Boolean(),
    stderr: Type.String(),
    stderr_bytes: Type.Integer({ minimum: 0, description: 'Byte count of the full stderr' }),
    stderr_sha256: Sha256,
    stderr_truncated: Type.Boolean(),
    replicas: Type.Optional(
      Type.Array(ReplicaSchema, { description: 'For a quorum task: every run, with how it was judged' }),
    ),
    outputs: Type.Optional(
      Type.Array(StoredFileSchema, { description: "The task's output files, in the grid's output store" }),
    ),
  },
  { $id: 'https://dgrid.dev/schemas/result.schema.json', title: 'dgrid result', additionalProperties: false },
);
export type Result = Static<typeof ResultSchema>;

/** A request to cancel a task, at tasks/cancel/<task_id>.json: by `dgrid cancel` or by pull request. */
export const CancelSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    task_id: TaskId,
    reason: Type.Optional(Type.String({ maxLength: 1024 })),
  },
  { $id: 'https://dgrid.dev/schemas/cancel.schema.json', title: 'dgrid cancel request', additionalProperties: false },
);
export type CancelRequest = Static<typeof CancelSchema>;

export const NodeStatus = Type.Union([
  Type.Literal('online'),
  Type.Literal('draining'),
  Type.Literal('offline'),
  // Written by a reaper when the node authored a void commit, or after a node's third invalid quorum run: every
  // reader refuses its claims and commits.
  Type.Literal('quarantined'),
]);
export type NodeStatus = Static<typeof NodeStatus>;

export const MAX_PROGRESS_MESSAGE = 200;

export const ProgressSchema = Type.Object(
  {
    percent: Type.Number({ minimum: 0, maximum: 100 }),
    message: Type.String({ maxLength: MAX_PROGRESS_MESSAGE }),
    at: DateTime,
  },
  { additionalProperties: false },
);
export type Progress = Static<typeof ProgressSchema>;

/** A request that a node drain, at nodes/drain/<node_id>.json: by `dgrid drain NODE`, never by pull request. */
export const DrainSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    node_id: NodeId,
    /**
     * The process asked to drain (the node file's `incarnation` when it was asked): a node restarted since
     * takes the request as spent and removes it, instead of draining at once.
     */
    incarnation: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    reason: Type.Optional(Type.String({ maxLength: 1024 })),
    requested_at: Type.Optional(DateTime),
  },
  { $id: 'https://dgrid.dev/schemas/drain.schema.json', title: 'dgrid drain request', additionalProperties: false },
);
export type DrainRequest = Static<typeof DrainSchema>;
/**
 * A node's record of quorum verdicts, derived from the results: written by the node whose commit reaches an
 * agreement, never by the node itself (reputation.ts).
 */
export const ReputationSchema = Type.Object(
  {
    valid: Type.Integer({ minimum: 0 }),
    invalid: Type.Integer({ minimum: 0 }),
    errors: Type.Integer({ minimum: 0 }),
    consecutive_valid: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type Reputation = Static<typeof ReputationSchema>;

export const NodeSchema = Type.Object(
  {
    node_id: NodeId,
    labels: Type.Array(Label),
    slots: Type.Integer({ minimum: 1 }),
    version: Type.String(),
    started_at: DateTime,
    /**
     * A token unique to the process running the node: a second live process with the same node id is told
     * apart from a restart of a dead one, and refused.
     */
    incarnation: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    last_heartbeat: DateTime,
    status: NodeStatus,
    tasks: Type.Array(TaskId),
    completed: Type.Integer({ minimum: 0 }),
    failed: Type.Integer({ minimum: 0 }),
    /** Per running task, the last progress it reported (untrusted text: bounded, printable, redacted). */
    progress: Type.Optional(
      Type.Record(Type.String({ pattern: TASK_ID_PATTERN }), ProgressSchema, { maxProperties: 64 }),
    ),
    /** Present while the circuit breaker keeps this node from claiming: its last runs failed for node-side reasons. */
    unhealthy: Type.Optional(
      Type.Object(
        {
          reason: Type.String({ maxLength: 512 }),
          since: DateTime,
          retry_at: DateTime,
        },
        { additionalProperties: false },
      ),
    ),
    reputation: Type.Optional(ReputationSchema),
    public_key: Type.Optional(PublicKey),
  },
  { $id: 'https://dgrid.dev/schemas/node.schema.json', title: 'dgrid node', additionalProperties: false },
);
export type NodeRecord = Static<typeof NodeSchema>;

const section = <T extends Parameters<typeof Type.Object>[0]>(properties: T, description: string) =>
  Type.Optional(Type.Object(properties, { additionalProperties: false, default: {}, description }));

export const PolicySchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    default_image: Type.Optional(Type.String({ minLength: 1, default: 'python:3.12-alpine' })),
    allowed_images: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        default: ['python:3.12-alpine'],
        description: 'Exact image references; a digest (name@sha256:...) pins content',
      }),
    ),
    default_timeout_seconds: Type.Optional(Type.Integer({ minimum: 1, default: 30 })),
    max_timeout_seconds: Type.Optional(Type.Integer({ minimum: 1, default: 3600 })),
    limits: section(
      {
        cpus: Type.Optional(
          Type.Number({ minimum: MIN_CPUS, default: 1, description: 'Default and maximum CPUs per task' }),
        ),
        memory_mb: Type.Optional(
          Type.Integer({ minimum: 16, default: 512, description: 'Default and maximum memory per task' }),
        ),
        pids: Type.Optional(Type.Integer({ minimum: 8, default: 128 })),
        tmpfs_mb: Type.Optional(Type.Integer({ minimum: 1, default: 64 })),
        file_size_mb: Type.Optional(Type.Integer({ minimum: 1, default: 64 })),
        checkpoint_mb: Type.Optional(
          Type.Integer({
            minimum: 0,
            default: 16,
            description: 'Largest checkpoint a node stores for a task (0: none); a larger one is not stored',
          }),
        ),
      },
      'Resource limits of each task container',
    ),
    output_cap_bytes: Type.Optional(
      Type.Integer({ minimum: 256, default: 10240, description: 'Kept bytes per stream' }),
    ),
    default_attempts: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, default: 3 })),
    retry_backoff_seconds: Type.Optional(
      Type.Integer({ minimum: 0, default: 30, description: 'First retry delay; doubles per attempt, with jitter' }),
    ),
    max_retry_backoff_seconds: Type.Optional(Type.Integer({ minimum: 0, default: 3600 })),
    push_budget_per_minute: Type.Optional(
      Type.Number({
        minimum: 0,
        default: 6,
        description:
          "Pushes per minute to the grid's branch by all its nodes together (0: no limit); each node takes a share " +
          "from the nodes online and the branch's recent pushes. GitHub's guidance is 6 per repository",
      }),
    ),
    read_budget_per_second: Type.Optional(
      Type.Number({
        minimum: 0,
        default: 10,
        description:
          'Looks at the remote per second by all idle nodes together (0: no limit): an idle node polls no more ' +
          "often than the nodes online divided by this. GitHub's guidance is 15 git reads a second per repository",
      }),
    ),
    max_attempts: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, default: 10 })),
    default_quorum: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 9, default: 1, description: 'The quorum of a task that names none' }),
    ),
    max_delay_days: Type.Optional(
      Type.Integer({
        minimum: 1,
        default: 30,
        description: "How far ahead a task's not_before may lie; a task due later is refused",
      }),
    ),
    labels: Type.Optional(
      Type.Array(Label, {
        uniqueItems: true,
        description:
          "The node labels of this grid: a task's requires may name only these. Without it, any label is accepted",
      }),
    ),
    shards: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 2048 }), {
        minItems: 1,
        maxItems: 64,
        uniqueItems: true,
        description:
          "Grid repository URLs that together form one grid, this one among them, in the same order in every shard's dgrid.json; a task lives in the shard its id hashes to (docs/scaling.md#shards)",
      }),
    ),
    lease: section(
      {
        grace_seconds: Type.Optional(
          Type.Integer({ minimum: 0, default: 120, description: 'Bounds clock skew between machines' }),
        ),
        heartbeat_seconds: Type.Optional(Type.Integer({ minimum: 1, default: 60 })),
        node_timeout_seconds: Type.Optional(Type.Integer({ minimum: 10, default: 600 })),
      },
      'Leases and heartbeats',
    ),
    quotas: section(
      {
        tasks_per_pull_request: Type.Optional(Type.Integer({ minimum: 1, default: 100 })),
        queued_per_submitter: Type.Optional(
          Type.Integer({
            minimum: 1,
            default: 500,
            description:
              "A submitter's queued tasks a pull request may bring the queue to; workers also run at most this many of one submitter's tasks at once",
          }),
        ),
        max_queued: Type.Optional(Type.Integer({ minimum: 1, maximum: 3000, default: 2500 })),
      },
      'Per-submitter and grid-wide limits, enforced by validate-task (and queued_per_submitter by workers too)',
    ),
    signatures: section(
      {
        required: Type.Optional(Type.Boolean({ default: false })),
        trusted_signers: Type.Optional(
          Type.Array(Type.String(), {
            default: [],
            description: 'allowed_signers lines: "principal ssh-ed25519 AAAA..."',
          }),
        ),
      },
      'Signed tasks',
    ),
    nodes: section(
      {
        admitted: Type.Optional(
          Type.Array(Type.Object({ node_id: NodeId, public_key: PublicKey }, { additionalProperties: false }), {
            default: [],
            description:
              'The nodes this grid admits, each with its key; only maintainers change this list. Empty: the grid is open',
          }),
        ),
        signed_commits: Type.Optional(
          Type.Boolean({
            default: false,
            description: "Every node commit is SSH-signed with the node's key (git's gpg.format=ssh)",
          }),
        ),
        trust_after: Type.Optional(
          Type.Integer({
            minimum: 1,
            default: 10,
            description:
              'Consecutive valid quorum results after which a node is trusted: its results are then spot-checked at random instead of always replicated',
          }),
        ),
      },
      'Which nodes may work for this grid, how their commits are checked, and when they are trusted; with admitted or signed_commits, every reader checks every commit against the authorship rules (docs/security.md)',
    ),

    outputs: section(
      {
        store: Type.Optional(
          Type.Union([Type.Literal('git'), Type.Literal('artifact'), Type.Literal('s3')], {
            default: 'git',
            description:
              'Where output files go: git (refs of their own in the grid repository, never the grid branch), artifact (GitHub Actions artifacts) or s3',
          }),
        ),
        max_mb: Type.Optional(
          Type.Integer({ minimum: 1, maximum: 65536, default: 64, description: "Size of each task's /out" }),
        ),
        max_files: Type.Optional(
          Type.Integer({ minimum: 1, maximum: 100000, default: 100, description: 'Files and folders in /out' }),
        ),
        bucket: Type.Optional(Type.String({ minLength: 3, maxLength: 63, description: 's3: the bucket' })),
        endpoint: Type.Optional(
          Type.String({
            pattern: '^https?://',
            description: 's3: the service URL, for an S3-compatible service other than AWS',
          }),
        ),
        region: Type.Optional(Type.String({ minLength: 1, default: 'us-east-1', description: 's3: the region' })),
        prefix: Type.Optional(
          Type.String({ maxLength: 256, default: 'dgrid/outputs/', description: 's3: key prefix' }),
        ),
      },
      'Task output files; credentials for s3 come from the node (AWS_* variables), never from here',
    ),
    secrets: Type.Optional(
      Type.Array(Type.String({ pattern: ENV_NAME_PATTERN, maxLength: 128 }), {
        uniqueItems: true,
        default: [],
        description: 'Names of the secrets tasks of this grid may ask for; the gate refuses any other',
      }),
    ),
    retention: section(
      {
        days: Type.Optional(
          Type.Integer({ minimum: 1, default: 30, description: 'Age after which results are archived' }),
        ),
        offline_node_days: Type.Optional(Type.Integer({ minimum: 1, default: 7 })),
      },
      'Retention of results and nodes',
    ),
  },
  {
    $id: 'https://dgrid.dev/schemas/policy.schema.json',
    title: 'dgrid policy (dgrid.json)',
    additionalProperties: false,
  },
);

type DeepRequired<T> = {
  [K in keyof T]-?: NonNullable<T[K]> extends readonly unknown[]
    ? NonNullable<T[K]>
    : NonNullable<T[K]> extends object
      ? DeepRequired<NonNullable<T[K]>>
      : NonNullable<T[K]>;
};
/** The policy with every default applied; labels and shards have none, as a grid may list none. */
type OutputsSection = NonNullable<Static<typeof PolicySchema>['outputs']>;
/** The outputs section with its defaults; an s3 bucket and endpoint have none. */
export type OutputsPolicy = DeepRequired<Omit<OutputsSection, 'bucket' | 'endpoint'>> &
  Pick<OutputsSection, 'bucket' | 'endpoint'>;
/** The policy with every default applied; labels and shards have none, as a grid may list none. */
export type Policy = DeepRequired<Omit<Static<typeof PolicySchema>, '$schema' | 'labels' | 'shards' | 'outputs'>> &
  Pick<Static<typeof PolicySchema>, 'labels' | 'shards'> & { outputs: OutputsPolicy };

/** The schemas shipped in schemas/, by file name. */
export const shippedSchemas: Record<string, TSchema> = {
  'task.schema.json': TaskSchema,
  'queued-task.schema.json': QueuedTaskSchema,
  'claim.schema.json': ClaimSchema,
  'result.schema.json': ResultSchema,
  'node.schema.json': NodeSchema,
  'cancel.schema.json': CancelSchema,
  'drain.schema.json': DrainSchema,
  'policy.schema.json': PolicySchema,
};
