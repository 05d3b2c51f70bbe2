/**
 * The one error type meant for the user as it is: its message is a complete Vietnamese sentence
 * saying what went wrong and what to do. The command line prints it on one line (exit code 2),
 * the add-on shows it in an alert or dialog. Any other error is a fault and is reported as such.
 */
export class UserError extends Error {
  constructor(
    message: string,
    /** A stable machine-readable reason, for tests and callers that react to it. */
    readonly reason: string = 'user',
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** True for a UserError from any realm (Apps Script may hand errors across contexts). */
export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError || (typeof e === 'object' && e !== null && (e as Error).name === 'UserError');
}
