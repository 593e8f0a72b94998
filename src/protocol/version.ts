/** The dgrid version, recorded in node files. Kept in step with package.json by a test. */
export const VERSION = '1.0.0';

/** Whether version `a` (MAJOR.MINOR.PATCH) is `b` or newer; a version that is not one counts as 0.0.0. */
export function versionAtLeast(a: string, b: string): boolean {
  const parse = (v: string) => (/^\d+\.\d+\.\d+/.test(v) ? v.split(/[.+-]/, 3).map(Number) : [0, 0, 0]);
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! > y[i]!;
  return true;
}
