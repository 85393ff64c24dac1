/**
 * Errors the CLI reports to the user. Like oclif's `CLIError`, each carries the exit code and
 * optional suggestions; the entry point is the only place that prints them.
 */

/** Exit codes, as the heroku CLI uses them. */
export const EXIT = {
  /** Usage, network and client-side errors. */
  failure: 1,
  /** The API answered with an error body that has a message. */
  apiError: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const BRAND = Symbol.for('cove.cli.CliError');

export class CliError extends Error {
  readonly exitCode: ExitCode;
  readonly suggestions: readonly string[];
  readonly [BRAND] = true;

  constructor(message: string, options: { exitCode?: ExitCode; suggestions?: readonly string[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CliError';
    this.exitCode = options.exitCode ?? EXIT.failure;
    this.suggestions = options.suggestions ?? [];
  }
}

/** A mistake in how the command was called: wrong or missing flags and arguments. */
export class UsageError extends CliError {
  readonly commandId: string | undefined;

  constructor(message: string, commandId?: string) {
    super(message, { exitCode: EXIT.failure, suggestions: commandId === undefined ? [] : [`See more help with cove ${commandId} --help`] });
    this.name = 'UsageError';
    this.commandId = commandId;
  }
}

export function isCliError(value: unknown): value is CliError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
