/** Config var helpers: `KEY=value` arguments and `--shell` output. */
import { UsageError } from './cli-error.js';

/** Splits `KEY=value` arguments at the first `=`; values keep later `=` signs. */
export function parseAssignments(args: readonly string[]): Record<string, string> {
  if (args.length === 0) throw new UsageError('Usage: cove config:set KEY1=VALUE1 [KEY2=VALUE2 ...]\nMust specify KEY and VALUE to set.', 'config:set');
  const vars: Record<string, string> = {};
  for (const arg of args) {
    const at = arg.indexOf('=');
    if (at <= 0) throw new UsageError(`${arg} is invalid. Must be in the format FOO=bar.`, 'config:set');
    vars[arg.slice(0, at)] = arg.slice(at + 1);
  }
  return vars;
}

/** Quotes a value for POSIX shells only when it needs it, as `heroku config --shell` does. */
export function shellQuote(value: string): string {
  if (value === '') return "''";
  if (/^[\w@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** `KEY=value` lines, keys sorted. */
export function shellLines(vars: Readonly<Record<string, string>>): string[] {
  return Object.keys(vars)
    .sort()
    .map((k) => `${k}=${shellQuote(vars[k] ?? '')}`);
}

/** The heroku layout: `KEY:  value`, keys aligned, sorted. */
export function configLines(vars: Readonly<Record<string, string>>): string[] {
  const keys = Object.keys(vars).sort();
  const width = Math.max(0, ...keys.map((k) => k.length)) + 1;
  return keys.map((k) => `${`${k}:`.padEnd(width + 1)}${vars[k] ?? ''}`);
}
