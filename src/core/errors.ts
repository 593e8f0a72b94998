/**
 * A mistake the user can fix (bad input, bad task, bad configuration). Actions and the CLI print its
 * message alone and exit 1; any other error is a bug and is shown with its stack.
 */
export class UserError extends Error {
  override name = 'UserError';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
