/**
 * Exit codes (documented in the README):
 *   0  success (and, for comparisons, no fail threshold crossed)
 *   1  a quality gate failed: a fail threshold was crossed (compare / --baseline), or a warning with --strict
 *   2  could not run: bad usage, unreadable or invalid input, invalid rules or baseline, a resource limit
 *   3  internal error: a bug in dataready (please report it with the command line)
 */
export const ExitCode = {
  Ok: 0,
  GateFailed: 1,
  CouldNotRun: 2,
  Internal: 3,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** An error meant for the person at the terminal: one line, no stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue = ExitCode.CouldNotRun,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
