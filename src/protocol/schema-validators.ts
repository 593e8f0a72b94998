// The compiled ajv validators of the grid's file formats (protocol/schemas.ts), and the problems they report.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Static, TSchema } from '@sinclair/typebox';
import {
  NO_NUL_PATTERN,
  OUTPUT_PATTERN,
  SINGLE_LINE_PATTERN,
  VERSION_PATTERN,
  CancelSchema,
  ClaimSchema,
  DrainSchema,
  NodeSchema,
  PolicySchema,
  QueuedTaskSchema,
  ResultSchema,
  TaskSchema,
} from './schemas.js';

const addFormats = addFormatsModule.default;

/** One problem in a file, as a JSON pointer into it plus a sentence saying what to change. */
export interface Problem {
  pointer: string;
  message: string;
}

// Every process start compiles what it validates, so compiling is kept cheap: the schemas are constants, held
// to the meta-schema by a test rather than at each start, and the generated code is not optimized (that
// halves compile time and does not slow validation measurably).
const ajv = new Ajv({
  allErrors: true,
  strict: true,
  useDefaults: true,
  allowUnionTypes: true,
  validateSchema: false,
  code: { optimize: false },
});
addFormats(ajv, ['date-time']);

export interface Validator<T> {
  /** Returns the problems; an empty list means the value is a T (defaults are filled in). */
  problems(value: unknown): Problem[];
  is(value: unknown): value is T;
}

/** Compiled on first use: compiling every schema would cost each process start more than it then reads. */
function compile<S extends TSchema>(schema: S): Validator<Static<S>> {
  let compiled: ValidateFunction | undefined;
  const validate = (value: unknown) => (compiled ??= ajv.compile(schema))(value);
  return {
    problems: (value) => (validate(value) ? [] : describe(compiled!.errors ?? [])),
    is: (value): value is Static<S> => validate(value),
  };
}

export const taskValidator = compile(TaskSchema);
export const queuedTaskValidator = compile(QueuedTaskSchema);
export const claimValidator = compile(ClaimSchema);
export const resultValidator = compile(ResultSchema);
export const nodeValidator = compile(NodeSchema);
export const policyValidator = compile(PolicySchema);
export const cancelValidator = compile(CancelSchema);
export const drainValidator = compile(DrainSchema);

/** Patterns whose regular expression would tell a reader less than a sentence does. */
const PATTERN_RULES: Record<string, string> = {
  [NO_NUL_PATTERN]: 'must not hold a NUL character (\\u0000): no process can be given one',
  [VERSION_PATTERN]: 'must be a version MAJOR.MINOR.PATCH, such as "1.2.0"',
  [SINGLE_LINE_PATTERN]: 'must not hold a NUL character or a line break (\\u0000, \\n, \\r): give one line of text',
  [OUTPUT_PATTERN]:
    'must be a pattern relative to /out with no ".." step and no control character, such as "results/*.csv"',
};

function fieldName(pointer: string): string {
  return pointer === '' ? 'the file' : `field "${pointer.slice(1).replaceAll('/', '.')}"`;
}

/**
 * The values an enum or a union of constants allows, so the message can list them: a union's are the consts its
 * branches failed, and only when every branch is a const (otherwise the list would leave some out).
 */
function allowedValues(e: ErrorObject, all: readonly ErrorObject[]): unknown[] | undefined {
  if (e.keyword === 'enum') return (e.params as { allowedValues?: unknown[] }).allowedValues;
  const branches = all.filter((b) => b.schemaPath.startsWith(`${e.schemaPath}/`));
  if (branches.length === 0 || branches.some((b) => b.keyword !== 'const')) return undefined;
  return branches.map((b) => (b.params as { allowedValue: unknown }).allowedValue);
}

function describeOne(e: ErrorObject, all: readonly ErrorObject[]): Problem {
  const at = fieldName(e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return {
        pointer: `${e.instancePath}/${String(p.additionalProperty)}`,
        message: `unknown field "${String(p.additionalProperty)}" in ${at}: remove it or check its spelling`,
      };
    case 'required':
      return { pointer: e.instancePath, message: `missing field "${String(p.missingProperty)}" in ${at}: add it` };
    case 'type':
      return { pointer: e.instancePath, message: `${at} must be of type ${String(p.type)}` };
    case 'pattern': {
      const rule = PATTERN_RULES[String(p.pattern)];
      return { pointer: e.instancePath, message: `${at} ${rule ?? `must match ${String(p.pattern)}`}` };
    }
    case 'propertyNames':
      return {
        pointer: `${e.instancePath}/${String(p.propertyName)}`,
        message: `${at} has a name that is not allowed: "${String(p.propertyName)}" (use ^[A-Z_][A-Z0-9_]*$, never LD_*, PATH or HOME)`,
      };
    case 'enum':
    case 'anyOf': {
      const allowed = allowedValues(e, all);
      const list = allowed ? `: ${allowed.map((v) => JSON.stringify(v)).join(', ')}` : '';
      return { pointer: e.instancePath, message: `${at} must be one of the allowed values${list}` };
    }
    default:
      return { pointer: e.instancePath, message: `${at} ${e.message ?? 'is invalid'}` };
  }
}

function describe(errors: ErrorObject[]): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const e of errors) {
    // Union branches and the not-clause under propertyNames repeat what their parent says.
    if (e.keyword === 'const' || e.keyword === 'not' || e.schemaPath.includes('/propertyNames/')) continue;
    const problem = describeOne(e, errors);
    const key = `${problem.pointer}\u0000${problem.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  }
  return problems;
}
