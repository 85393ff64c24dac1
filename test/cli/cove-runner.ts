/**
 * Runs the compiled `cove` CLI through `bin/cove`, as a user would, with a scratch HOME and
 * XDG_CONFIG_HOME so nothing touches the real credentials file.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, from test/dist/cli/. */
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const COVE_BIN = join(REPO, 'bin', 'cove');

export interface CoveResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Cove {
  (args: string[], options?: { env?: Record<string, string | undefined>; input?: string }): Promise<CoveResult>;
  home: string;
  configHome: string;
  cleanup(): Promise<void>;
}

/** A CLI bound to one API URL; `apiKey` is sent as COVE_API_KEY unless null. */
export async function coveFor(apiUrl: string, apiKey: string | null): Promise<Cove> {
  const home = await mkdtemp(join(tmpdir(), 'cove-cli-home-'));
  const configHome = join(home, '.config');
  const run = (async (args, options = {}) => {
    const env: Record<string, string> = {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: home,
      XDG_CONFIG_HOME: configHome,
      COVE_API_URL: apiUrl,
      ...(apiKey === null ? {} : { COVE_API_KEY: apiKey }),
    };
    for (const [k, v] of Object.entries(options.env ?? {})) {
      if (v === undefined) delete env[k];
      else env[k] = v;
    }
    const child = spawn(COVE_BIN, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdin.end(options.input ?? '');
    const code = await new Promise<number | null>((resolveExit, reject) => {
      child.on('error', reject);
      child.on('close', resolveExit);
    });
    return { code, stdout, stderr };
  }) as Cove;
  run.home = home;
  run.configHome = configHome;
  run.cleanup = () => rm(home, { recursive: true, force: true });
  return run;
}

/** Fails with the CLI's output when it did not exit 0. */
export function ok(result: CoveResult): CoveResult {
  if (result.code !== 0) {
    throw new Error(`cove exited ${String(result.code)}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
  }
  return result;
}
