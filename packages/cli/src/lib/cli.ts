/**
 * Runs one `cove` invocation: finds the command (`spaces:info` or `spaces info`), parses its
 * flags, builds the API client from the environment and the credentials file, and turns
 * every failure into a message on stderr and an exit code.
 */
import { ApiClient } from './api-client.js';
import { ApiError } from './api-error.js';
import { EXIT, UsageError, isCliError } from './cli-error.js';
import { parseInput, type CommandDefinition, type CommandRuntime } from './command.js';
import { credentialsPath, readCredentials } from './credentials.js';
import { commandHelp, rootHelp } from './help.js';
import { Output, type TextSink } from './output.js';

/** @default http://127.0.0.1:5000 */
export const DEFAULT_API_URL = 'http://127.0.0.1:5000';

export interface CliIo {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  stdout: TextSink;
  stderr: TextSink & NodeJS.WritableStream;
  stdin: CommandRuntime['stdin'];
  version: string;
  terminal?: CommandRuntime['terminal'];
}

/** Looks a command up by id or alias; also accepts `topic verb` for `topic:verb`. */
export function resolveCommand(
  commands: readonly CommandDefinition[],
  argv: readonly string[],
): { command: CommandDefinition; rest: readonly string[] } | undefined {
  const byId = new Map<string, CommandDefinition>();
  for (const c of commands) {
    byId.set(c.id, c);
    for (const alias of c.aliases ?? []) byId.set(alias, c);
  }
  const [first, second] = argv;
  if (first === undefined) return undefined;
  if (second !== undefined && !second.startsWith('-')) {
    const spaced = byId.get(`${first}:${second}`);
    if (spaced !== undefined) return { command: spaced, rest: argv.slice(2) };
  }
  const command = byId.get(first);
  return command === undefined ? undefined : { command, rest: argv.slice(1) };
}

/** Runs the CLI and resolves with the process exit code. */
export async function runCli(commands: readonly CommandDefinition[], io: CliIo): Promise<number> {
  const out = new Output(io.stdout, io.stderr);
  const [first] = io.argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const target = first === 'help' ? resolveCommand(commands, io.argv.slice(1)) : undefined;
    io.stdout.write(target === undefined ? rootHelp(commands, io.version) : commandHelp(target.command));
    return first === undefined ? EXIT.failure : 0;
  }
  if (first === '--version' || first === '-v' || first === 'version') {
    io.stdout.write(`cove-cli/${io.version} ${process.platform}-${process.arch} node-${process.version}\n`);
    return 0;
  }
  const found = resolveCommand(commands, io.argv);
  if (found === undefined) {
    reportError(new UsageError(`${first} is not a cove command.`), io.stderr);
    io.stderr.write('See the list of commands with cove --help\n');
    return EXIT.failure;
  }
  try {
    const { input, help } = parseInput(found.command, found.rest, io.env);
    if (help) {
      io.stdout.write(commandHelp(found.command));
      return 0;
    }
    const path = credentialsPath(io.env, io.home);
    const envKey = nonEmpty(io.env['COVE_API_KEY']);
    const saved = envKey === undefined ? await readCredentials(path) : undefined;
    const apiUrl = nonEmpty(io.env['COVE_API_URL']) ?? saved?.api_url ?? DEFAULT_API_URL;
    const api = new ApiClient({
      apiUrl,
      token: envKey ?? saved?.token,
      version: io.version,
      onWarning: (message) => out.warn(message),
    });
    const status = await found.command.run({
      input,
      api,
      out,
      runtime: {
        env: io.env, credentialsPath: path, apiUrl, token: envKey ?? saved?.token, version: io.version, stdin: io.stdin, promptOutput: io.stderr,
        ...(io.terminal === undefined ? {} : { terminal: io.terminal }),
      },
    });
    return typeof status === 'number' ? status : 0;
  } catch (error) {
    return reportError(error, io.stderr);
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** Prints an error the heroku way and returns its exit code. */
export function reportError(error: unknown, stderr: TextSink): number {
  if (!isCliError(error)) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    stderr.write(`Error: ${message}\n`);
    return EXIT.failure;
  }
  const lines = [`Error: ${error.message}`];
  if (error instanceof ApiError) {
    if (error.id !== undefined) lines.push('', `Error ID: ${error.id}`);
    if (error.url !== undefined) lines.push(`See ${error.url} for more information.`);
  }
  if (error.suggestions.length > 0) lines.push('', 'Try this:', ...error.suggestions.map((s) => `  * ${s}`));
  stderr.write(`${lines.join('\n')}\n`);
  return error.exitCode;
}
