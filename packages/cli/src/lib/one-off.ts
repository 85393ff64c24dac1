/** The `POST /apps/:app/dynos` body `cove run` and `cove run:detached` send. */
import type { FlagSpec, ParsedInput } from './command.js';
import { appFlag } from './common-flags.js';

/** The flags `cove run` and `cove run:detached` share. */
export const oneOffFlags: Record<string, FlagSpec> = {
  app: appFlag,
  env: { type: 'string', char: 'e', description: "environment variables to set (use ';' to split multiple vars)", valueName: 'VARS' },
  size: { type: 'string', char: 's', description: 'dyno size', valueName: 'SIZE' },
  type: { type: 'string', description: 'process type', valueName: 'TYPE' },
};

export interface OneOffDyno {
  name: string;
  size: string;
  attach_url: string | null;
}

/** `-e "A=1;B=2"` as an object. */
export function parseEnvFlag(value: string | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const part of (value ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) env[part.slice(0, i).trim()] = part.slice(i + 1);
  }
  return env;
}

export function oneOffBody(input: ParsedInput, command: string, extra: { attach: boolean; force_no_tty?: boolean; env?: Record<string, string> }): Record<string, unknown> {
  const size = input.string('size');
  const type = input.string('type');
  return {
    command,
    attach: extra.attach,
    env: { ...parseEnvFlag(input.string('env')), ...extra.env },
    ...(extra.force_no_tty === true ? { force_no_tty: true } : {}),
    ...(size === undefined ? {} : { size }),
    ...(type === undefined ? {} : { type }),
  };
}
