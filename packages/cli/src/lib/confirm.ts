/** Confirmation for destructive commands, like heroku's `confirmCommand`. */
import { CliError } from './cli-error.js';
import { ask } from './prompt.js';
import type { CommandRuntime } from './command.js';

/**
 * Passes when `given` equals `name`. Without `--confirm`, asks on a TTY and fails otherwise.
 */
export async function confirmName(runtime: CommandRuntime, name: string, given: string | undefined, what: string): Promise<void> {
  if (given !== undefined) {
    if (given === name) return;
    throw new CliError(`Confirmation ${given} did not match ${name}. Aborted.`);
  }
  if (runtime.stdin.isTTY === true) {
    const answer = await ask(
      runtime.stdin,
      runtime.promptOutput,
      `WARNING: This will destroy ${what} ${name}.\nTo proceed, type ${name} or re-run this command with --confirm ${name}\n\n> `,
    );
    if (answer.trim() === name) return;
    throw new CliError(`Confirmation did not match ${name}. Aborted.`);
  }
  throw new CliError(`This will destroy ${what} ${name}. To proceed, re-run this command with --confirm ${name}`);
}
