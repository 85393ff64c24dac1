/**
 * The credentials file `cove login` writes: `${XDG_CONFIG_HOME:-~/.config}/cove/credentials.json`,
 * mode 0600, `{"api_url", "email", "token"[, "authorization_id"]}`.
 */
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CliError } from './cli-error.js';

export interface Credentials {
  api_url: string;
  email: string;
  token: string;
  /** The OAuth authorization behind `token`, so `cove logout` can revoke it. */
  authorization_id?: string;
}

/** Where the credentials live for this environment. */
export function credentialsPath(env: Readonly<Record<string, string | undefined>>, home: string): string {
  const base = env['XDG_CONFIG_HOME'] !== undefined && env['XDG_CONFIG_HOME'] !== '' ? env['XDG_CONFIG_HOME'] : join(home, '.config');
  return join(base, 'cove', 'credentials.json');
}

export async function readCredentials(path: string): Promise<Credentials | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CliError(`Cannot read credentials file ${path}: ${(error as Error).message}`, { cause: error });
  }
  try {
    const parsed = JSON.parse(text) as Partial<Credentials>;
    if (typeof parsed.token !== 'string' || typeof parsed.api_url !== 'string') throw new Error('missing "token" or "api_url"');
    return {
      api_url: parsed.api_url,
      email: typeof parsed.email === 'string' ? parsed.email : '',
      token: parsed.token,
      ...(typeof parsed.authorization_id === 'string' ? { authorization_id: parsed.authorization_id } : {}),
    };
  } catch (error) {
    throw new CliError(`Cannot parse credentials file ${path}: ${(error as Error).message}`, {
      suggestions: ['Run cove login to write it again'],
      cause: error,
    });
  }
}

export async function writeCredentials(path: string, credentials: Credentials): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFile(path, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  // writeFile's mode only applies when the file is created.
  await chmod(path, 0o600);
}

export async function removeCredentials(path: string): Promise<boolean> {
  try {
    await rm(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
