/**
 * The command model: a command is data (id, flags, args, examples) plus a `run` function.
 * Parsing uses `node:util` parseArgs; flags may fall back to an environment variable.
 */
import { parseArgs } from 'node:util';
import type { ApiClient } from './api-client.js';
import { UsageError } from './cli-error.js';
import type { Output } from './output.js';

export interface FlagSpec {
  type: 'string' | 'boolean';
  /** One-letter alias, `-a`. */
  char?: string;
  description: string;
  /** Read from this environment variable when the flag is absent. */
  env?: string;
  /** For help only: `--app=<APP>`. */
  valueName?: string;
  hidden?: boolean;
}

export interface ArgSpec {
  name: string;
  description: string;
  required?: boolean;
}

export interface CommandContext {
  input: ParsedInput;
  api: ApiClient;
  out: Output;
  /** The process environment and paths, for the few commands (login) that need them. */
  runtime: CommandRuntime;
}

export interface CommandRuntime {
  env: Readonly<Record<string, string | undefined>>;
  credentialsPath: string;
  apiUrl: string;
  /** The token requests carry: `COVE_API_KEY`, else the saved one. */
  token: string | undefined;
  version: string;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Where prompts are written (stderr), so stdout stays data only. */
  promptOutput: NodeJS.WritableStream;
  /** The size of the terminal stdout is, and its resizes (`cove run`); absent otherwise. */
  terminal?: { readonly columns: number; readonly rows: number; onResize(listener: () => void): () => void };
}

export interface CommandDefinition {
  /** `topic:verb`, e.g. `spaces:info`; a topic's own command is just `spaces`. */
  id: string;
  description: string;
  /** Command lines (without the leading `$ `), optionally followed by output lines. */
  examples: readonly string[];
  flags?: Readonly<Record<string, FlagSpec>>;
  args?: readonly ArgSpec[];
  /** Accepts any number of extra positional arguments (`config:set K=V…`). */
  variadic?: boolean;
  aliases?: readonly string[];
  hidden?: boolean;
  /** Resolves with the exit status when the command decides it (`cove run`); else 0. */
  run(ctx: CommandContext): Promise<void | number>;
}

/** Identity helper that gives command files a checked type without a class hierarchy. */
export function defineCommand(definition: CommandDefinition): CommandDefinition {
  return definition;
}

/** Flags and arguments after parsing, with helpers that raise usage errors. */
export class ParsedInput {
  readonly commandId: string;
  readonly args: readonly string[];
  readonly #values: Readonly<Record<string, string | boolean | undefined>>;
  readonly #argNames: readonly string[];

  constructor(commandId: string, values: Record<string, string | boolean | undefined>, args: string[], argNames: readonly string[] = []) {
    this.commandId = commandId;
    this.#values = values;
    this.args = args;
    this.#argNames = argNames;
  }

  string(name: string): string | undefined {
    const value = this.#values[name];
    return typeof value === 'string' ? value : undefined;
  }

  boolean(name: string): boolean {
    return this.#values[name] === true;
  }

  /** A string flag the command cannot run without. */
  requireString(name: string, message?: string): string {
    const value = this.string(name);
    if (value === undefined || value === '') throw new UsageError(message ?? `Missing required flag --${name}`, this.commandId);
    return value;
  }

  arg(index: number): string | undefined {
    return this.args[index];
  }

  /** The app from `-a/--app` or `COVE_APP`. */
  app(): string {
    return this.requireString('app', 'No app specified.\nUSAGE: cove ' + this.commandId + ' --app my-app (or set COVE_APP)');
  }

  /** The space from the SPACE argument or `-s/--space`. */
  space(): string {
    const index = this.#argNames.indexOf('space');
    const value = (index === -1 ? undefined : this.args[index]) ?? this.string('space');
    if (value === undefined || value === '') {
      throw new UsageError(`Space name required.\nUSAGE: cove ${this.commandId} --space my-space`, this.commandId);
    }
    return value;
  }
}

/**
 * Parses argv for one command. Throws `UsageError` for unknown flags, missing values and
 * unexpected arguments.
 */
export function parseInput(
  command: CommandDefinition,
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): { input: ParsedInput; help: boolean } {
  const specs = command.flags ?? {};
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, spec] of Object.entries(specs)) {
    options[name] = { type: spec.type, ...(spec.char === undefined ? {} : { short: spec.char }) };
  }
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true }) as typeof parsed;
  } catch (error) {
    throw new UsageError(parseArgsMessage(error), command.id);
  }
  const values: Record<string, string | boolean | undefined> = { ...parsed.values };
  const help = values['help'] === true;
  delete values['help'];
  for (const [name, spec] of Object.entries(specs)) {
    if (values[name] === undefined && spec.env !== undefined) {
      const fromEnv = env[spec.env];
      if (fromEnv !== undefined && fromEnv !== '') values[name] = spec.type === 'boolean' ? fromEnv === 'true' || fromEnv === '1' : fromEnv;
    }
  }
  const argSpecs = command.args ?? [];
  if (!help && !command.variadic && parsed.positionals.length > argSpecs.length) {
    throw new UsageError(`Unexpected argument: ${parsed.positionals[argSpecs.length] ?? ''}`, command.id);
  }
  if (!help) {
    argSpecs.forEach((spec, i) => {
      if (spec.required === true && parsed.positionals[i] === undefined) {
        throw new UsageError(`Missing required argument ${spec.name.toUpperCase()}`, command.id);
      }
    });
  }
  return { input: new ParsedInput(command.id, values, parsed.positionals, argSpecs.map((a) => a.name)), help };
}

function parseArgsMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // parseArgs messages end with a hint about `--` that does not apply to us.
  return message.replace(/\. To specify a positional argument.*$/s, '').replace(/^Unknown option '(.+?)'.*$/s, 'Nonexistent flag: $1');
}
