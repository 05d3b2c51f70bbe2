/** An error the command line reports as a plain Vietnamese message (exit code 2), never a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
