/**
 * A mistake the user can fix (bad input, bad task, bad configuration), or a state of the grid they can act
 * on. Actions and the CLI print its message alone and exit 1; any other error is a bug and is shown with its
 * stack.
 */
export class UserError extends Error {
  override name = 'UserError';
}

/**
 * A change that lost the race for the grid branch round after round: each time it was pushed, another
 * writer had moved the tip first. Nothing is wrong and nothing of the change was written; it can be tried
 * again.
 */
export class ContentionError extends UserError {
  override name = 'ContentionError';

  constructor(
    readonly branch: string,
    readonly rejectedPushes: number,
    /** The first line of the change's commit message. */
    readonly change: string,
  ) {
    super(
      `the grid branch "${branch}" moved ${rejectedPushes} times while "${change}" was being pushed, ` +
        'each time before it landed, so it was not written; try again (the grid is busy)',
    );
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
