/**
 * Runs the real heroku CLI (installed by scripts/install-heroku-cli) against a platform booted
 * by bootPlatform(). The environment keeps it on loopback: the API, particleboard and nothing
 * else (no telemetry, no version check, no auto-update), with a scratch HOME because every
 * command writes a git credential helper into the global git config.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BootedPlatform } from './boot-platform.js';

/** What loopback-guard.ts prints when the CLI tries to connect anywhere but loopback. */
const LOOPBACK_GUARD_MARK = 'cove-loopback-guard: blocked';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const GUARD = new URL('./loopback-guard.js', import.meta.url).href;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  /** Runs as this API key instead of the admin's. */
  token?: string;
  /** Extra environment, e.g. `{ HEROKU_DEBUG: '1' }`. */
  env?: Record<string, string>;
  /** @default 60_000 */
  timeoutMs?: number;
  /** Working directory. @default the scratch HOME */
  cwd?: string;
  /** Runs this program (e.g. `git`) instead of heroku, in the same environment (heroku on PATH). */
  program?: string;
  /**
   * Runs the CLI on a terminal (util-linux `script`), typing what `interact` writes while it
   * watches the output so far (terminal output: lines end in \r\n).
   */
  interact?: (output: () => string, type: (keys: string) => void) => Promise<void>;
}

/** A CLI invocation that keeps running (`logs --tail`): watch its output, then stop it. */
export interface RunningCli {
  /** Resolves with all stdout so far once it matches `pattern`; rejects if the CLI exits first. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Sends SIGTERM and resolves with what it printed. */
  stop(): Promise<CliResult>;
}

export interface HerokuCli {
  /** Why the CLI cannot run here (it could not be installed); tests then `t.skip(unavailable)`. */
  unavailable: string | undefined;
  run(args: string[], options?: CliRunOptions): Promise<CliResult>;
  /** Starts a long-running command (`logs --tail`). */
  start(args: string[], options?: CliRunOptions): RunningCli;
  /** Removes the scratch HOME. */
  close(): Promise<void>;
}

let installed: Promise<{ bin: string } | { error: string }> | undefined;

/** Installs the pinned CLI once per process; an install failure (no registry) is reported, not thrown. */
function installHerokuCli(): Promise<{ bin: string } | { error: string }> {
  // scripts/test already tried and failed: don't pay for another offline npm attempt per file.
  const failed = process.env['COVE_HEROKU_CLI_UNAVAILABLE'];
  if (failed !== undefined && failed !== '') return Promise.resolve({ error: failed });
  installed ??= promisify(execFile)(join(REPO, 'scripts/install-heroku-cli'), [], { timeout: 300_000, maxBuffer: 16 * 1024 * 1024 }).then(
    ({ stdout }) => ({ bin: stdout.trim().split('\n').at(-1) ?? '' }),
    (error: { stderr?: string; message: string }) => ({
      error: `the heroku CLI could not be installed (scripts/install-heroku-cli): ${
        (error.stderr ?? '')
          .split('\n')
          .filter((line) => /^npm error \S/.test(line))
          .slice(0, 2)
          .join('; ') || error.message
      }`,
    }),
  );
  return installed;
}

/** What the CLI needs of a server: a booted platform, or a `cove server` process (CoveServer). */
export type CliTarget = Pick<BootedPlatform, 'url' | 'adminToken'> & { platform: Pick<BootedPlatform['platform'], 'caCertPath'> };

export async function herokuCli(booted: CliTarget): Promise<HerokuCli> {
  const install = await installHerokuCli();
  if ('error' in install) {
    return {
      unavailable: install.error,
      run: () => Promise.reject(new Error(install.error)),
      start: () => {
        throw new Error(install.error);
      },
      close: async () => {},
    };
  }
  const home = await mkdtemp(join(tmpdir(), 'cove-heroku-home-'));
  const apiUrl = booted.url.replace(/\/$/, '');
  if (!/^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(apiUrl)) {
    // Any other host makes the CLI fall back to api.heroku.com, or send no token.
    throw new Error(`Refusing to run the heroku CLI against ${apiUrl}: only loopback URLs keep it off heroku.com`);
  }
  // A fresh environment, not process.env: no stray HEROKU_*, proxy or XDG variables.
  const environment = (options: CliRunOptions): Record<string, string> => ({
    // heroku on PATH: its git credential helper runs `heroku git:credentials`.
    PATH: `${dirname(install.bin)}:${dirname(process.execPath)}:${process.env['PATH'] ?? '/usr/bin:/bin'}`,
    HOME: home,
    LANG: 'C.UTF-8',
    HEROKU_HOST: apiUrl,
    HEROKU_API_KEY: options.token ?? booted.adminToken,
    // The delinquency look-up keeps only protocol, host and port of this URL (CLI 11.10), so it
    // lands on the API's own GET /account and GET /teams/:team; a path here would be dropped.
    HEROKU_PARTICLEBOARD_URL: apiUrl,
    DISABLE_TELEMETRY: 'true',
    HEROKU_SKIP_NEW_VERSION_CHECK: 'true',
    HEROKU_DISABLE_AUTOUPDATE: 'true',
    NODE_EXTRA_CA_CERTS: booted.platform.caCertPath,
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    COLUMNS: '200',
    OCLIF_COLUMNS: '200', // error messages wrap at 80 columns otherwise
    NODE_OPTIONS: `--import ${GUARD}`,
    ...options.env,
  });
  const run = (args: string[], options: CliRunOptions = {}): Promise<CliResult> =>
    new Promise((resolve, reject) => {
      const env = environment(options);
      const program = options.program ?? install.bin;
      const cwd = options.cwd ?? home;
      const interact = options.interact;
      const quote = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`;
      const child =
        interact === undefined
          ? spawn(program, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
          : spawn('script', ['-q', '-e', '-f', '-c', [program, ...args].map(quote).join(' '), '/dev/null'], { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      if (interact !== undefined) {
        void interact(() => stdout, (keys) => child.stdin?.write(keys)).catch((error: unknown) => {
          stderr += `\n[interaction failed: ${String(error)}]`;
          child.kill('SIGKILL');
        });
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (signal !== null) stderr += `\n[heroku ${args.join(' ')} killed by ${signal} (timeout?)]`;
        if (stderr.includes(LOOPBACK_GUARD_MARK)) {
          reject(new Error(`heroku ${args.join(' ')} tried to connect beyond loopback:\n${stderr}`));
          return;
        }
        resolve({ code: code ?? -1, stdout, stderr });
      });
    });
  const start = (args: string[], options: CliRunOptions = {}): RunningCli => {
    const child = spawn(install.bin, args, { env: environment(options), cwd: home, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let exit: number | null | undefined;
    const changed = new Set<() => void>();
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      for (const wake of changed) wake();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const closed = new Promise<void>((resolve) =>
      child.on('close', (code) => {
        exit = code;
        for (const wake of changed) wake();
        resolve();
      }),
    );
    const killer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    return {
      waitForOutput: (pattern, timeoutMs = 30_000) =>
        new Promise((resolve, reject) => {
          const timer = setTimeout(() => done(new Error(`heroku ${args.join(' ')}: timed out waiting for ${pattern}\n${stdout}\n${stderr}`)), timeoutMs);
          const check = (): void => {
            if (pattern.test(stdout)) done(null);
            else if (exit !== undefined) done(new Error(`heroku ${args.join(' ')} exited ${exit} before printing ${pattern}\n${stdout}\n${stderr}`));
          };
          const done = (error: Error | null): void => {
            clearTimeout(timer);
            changed.delete(check);
            if (error === null) resolve(stdout);
            else reject(error);
          };
          changed.add(check);
          check();
        }),
      stop: async () => {
        if (exit === undefined) child.kill('SIGTERM');
        await closed;
        clearTimeout(killer);
        if (stderr.includes(LOOPBACK_GUARD_MARK)) throw new Error(`heroku ${args.join(' ')} tried to connect beyond loopback:\n${stderr}`);
        return { code: exit ?? -1, stdout, stderr };
      },
    };
  };
  return { unavailable: undefined, run, start, close: () => rm(home, { recursive: true, force: true }) };
}

/** Asserts a run exited 0, showing its output otherwise; returns it for chaining. */
export function succeeded(result: CliResult): CliResult {
  if (result.code !== 0) {
    throw new Error(`heroku exited ${result.code}\n--- stdout ---\n${result.stdout}\n--- stderr ---\n${result.stderr}`);
  }
  return result;
}
