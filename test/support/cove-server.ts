/**
 * A real `cove server` process for end-to-end tests inside a test file's sandbox (with the lab's
 * simulated internet behind `up0`): started from the built entry point with the linux runtime,
 * driven over its HTTP API, killed or cleaned up like an operator would.
 */
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const SERVER_ENTRY = new URL('../../../packages/platform/dist/bin/server.js', import.meta.url).pathname;

export interface CoveServerOptions {
  /** Names the data dir and the cgroup parent. */
  readonly tag: string;
  /** @default 5000 */
  readonly apiPort?: number;
  /** @default "apps.test" */
  readonly domain?: string;
}

/** An API dyno as the tests read it. */
export interface ApiDyno {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly state: string;
  readonly extended: { readonly ip: string; readonly az: string };
}

export class CoveServer {
  readonly token = 'HRKU-e2e-token-0123456789abcdef';
  readonly apiUrl: string;
  readonly cgroupParent: string;
  readonly #options: CoveServerOptions;
  #dataDir = '';
  #child: ChildProcess | undefined;

  constructor(options: CoveServerOptions) {
    this.#options = options;
    this.apiUrl = `http://127.0.0.1:${options.apiPort ?? 5000}`;
    this.cgroupParent = `cove-${options.tag}-${process.pid}`;
  }

  get dataDir(): string {
    return this.#dataDir;
  }

  get process(): ChildProcess | undefined {
    return this.#child;
  }

  /**
   * Starts the server (a fresh data dir on first start) and resolves once it is running;
   * `entry` runs another build's server.js (a newer build replacing this one).
   */
  async start(extra: readonly string[] = [], entry = SERVER_ENTRY): Promise<void> {
    if (this.#dataDir === '') this.#dataDir = await mkdtemp(join(tmpdir(), `cove-${this.#options.tag}-`));
    const child = spawn(
      process.execPath,
      [entry, '--data-dir', this.#dataDir, '--api', `127.0.0.1:${this.#options.apiPort ?? 5000}`, '--domain', this.#options.domain ?? 'apps.test',
        '--public-interface', 'up0', '--outbound-ips', '203.0.113.10-203.0.113.12', '--cgroup-parent', this.cgroupParent,
        '--reconcile-interval', '300', ...extra],
      { env: { ...process.env, COVE_ADMIN_TOKEN: this.token }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // Tracked before it is up, so a failed start is still killed by stop() and destroy().
    this.#child = child;
    let out = '';
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    // COVE_TEST_DEBUG=1 shows the server's log while a test runs.
    if (process.env['COVE_TEST_DEBUG'] === '1') {
      child.stdout?.pipe(process.stderr);
      child.stderr?.pipe(process.stderr);
    }
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        // The banner may come in several chunks: wait for its Runtime line.
        if (/Cove is running[\s\S]*Runtime:\s+\S+\n/.test(out)) resolve();
      });
      child.once('exit', (code) => reject(new Error(`cove server exited with ${code}: ${out}`)));
    });
    assert.match(out, /Runtime:\s+linux/);
  }

  /** Sends `signal` and waits for the process to exit. */
  /** The router's newest HAProxy process generation (each new process is one more). */
  async routerGeneration(): Promise<number> {
    const entries = await readdir(join(this.#dataDir, 'router', 'haproxy'));
    return Math.max(0, ...entries.filter((f) => f.startsWith('gen-')).map((f) => Number(f.slice(4))));
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.#child;
    this.#child = undefined;
    if (child === undefined || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  }

  /** `cove server --cleanup` for this data dir and cgroup parent. */
  async cleanup(): Promise<void> {
    await run(process.execPath, [SERVER_ENTRY, '--cleanup', '--data-dir', this.#dataDir, '--cgroup-parent', this.cgroupParent]);
  }

  /** Kills the server, cleans up what it made and removes its data dir; for `after()`. */
  async destroy(): Promise<void> {
    await this.stop('SIGKILL');
    if (this.#dataDir === '') return;
    await this.cleanup().catch(() => undefined);
    await rm(this.#dataDir, { recursive: true, force: true });
  }

  /** A Heroku v3 API call, as the admin unless `token` says otherwise; throws on an error status. */
  async api(method: string, path: string, body?: unknown, token = this.token): Promise<any> {
    const res = await fetch(`${this.apiUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/vnd.heroku+json; version=3',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text === '' ? null : (JSON.parse(text) as unknown);
  }

  /** Creates an app (in `space` when given) and releases `slugPath` with `processTypes`. */
  async deploySlug(app: string, slugPath: string, options: { space?: string; internalRouting?: boolean; processTypes?: Record<string, string> } = {}): Promise<void> {
    if (options.space === undefined) await this.api('POST', '/apps', { name: app });
    else await this.api('POST', '/teams/apps', { name: app, space: options.space, ...(options.internalRouting === true ? { internal_routing: true } : {}) });
    const slug = await this.api('POST', `/apps/${app}/slugs`, { process_types: options.processTypes ?? { web: 'node app.js' } });
    const put = await fetch(slug.blob.url, { method: 'PUT', body: await readFile(slugPath) });
    assert.equal(put.status, 200);
    await this.api('POST', `/apps/${app}/releases`, { slug: slug.id });
  }

  /** The app's dynos when exactly `count` are up and `check` holds; otherwise undefined. */
  async upDynos(app: string, count: number, check: (d: ApiDyno[]) => boolean = () => true): Promise<ApiDyno[] | undefined> {
    const dynos = (await this.api('GET', `/apps/${app}/dynos`)) as ApiDyno[];
    return dynos.length === count && dynos.every((d) => d.state === 'up') && check(dynos) ? dynos : undefined;
  }
}
