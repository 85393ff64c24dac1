/**
 * A real `cove server` for benchmarks, inside the benchmark's sandbox: a stand-in public
 * interface `up0` (203.0.113.1, outbound 203.0.113.10), the linux runtime, the API on
 * 127.0.0.1:5000, driven over HTTP.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SERVER = fileURLToPath(new URL('../../packages/platform/dist/bin/server.js', import.meta.url));

export class BenchServer {
  readonly token = 'HRKU-bench-0123456789abcdef';
  readonly apiUrl = 'http://127.0.0.1:5000';
  readonly #tag: string;
  readonly #cgroup: string;
  #dataDir = '';
  #child: ChildProcess | undefined;

  constructor(tag: string) {
    this.#tag = tag;
    this.#cgroup = `cove-bench-${tag}-${process.pid}`;
  }

  /** Creates `up0`, then starts the server and resolves once it is running. */
  async start(): Promise<void> {
    await run('ip', ['link', 'add', 'up0', 'type', 'veth', 'peer', 'name', 'up0peer']);
    for (const args of [['addr', 'add', '203.0.113.1/24', 'dev', 'up0'], ['addr', 'add', '203.0.113.10/24', 'dev', 'up0'], ['link', 'set', 'up0', 'up'], ['link', 'set', 'up0peer', 'up'],
      ['route', 'add', 'default', 'via', '203.0.113.254', 'dev', 'up0', 'onlink']]) await run('ip', args);
    this.#dataDir = await mkdtemp(join(tmpdir(), `cove-bench-${this.#tag}-`));
    const child = spawn(process.execPath, [SERVER, '--data-dir', this.#dataDir, '--api', '127.0.0.1:5000', '--domain', 'apps.test', '--public-interface', 'up0',
      '--outbound-ips', '203.0.113.10', '--cgroup-parent', this.#cgroup, '--reconcile-interval', '300'],
    { env: { ...process.env, COVE_ADMIN_TOKEN: this.token }, stdio: ['ignore', 'pipe', 'inherit'] });
    this.#child = child;
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (d: Buffer) => {
        out += String(d);
        if (/Cove is running[\s\S]*Runtime:\s+\S+\n/.test(out)) resolve();
      });
      child.once('exit', (code) => reject(new Error(`cove server exited with ${code}: ${out}`)));
    });
  }

  /** Kills the server, removes what it made on the host and its data dir. */
  async destroy(): Promise<void> {
    this.#child?.kill('SIGKILL');
    if (this.#dataDir === '') return;
    await run(process.execPath, [SERVER, '--cleanup', '--data-dir', this.#dataDir, '--cgroup-parent', this.#cgroup]).catch(() => undefined);
    await rm(this.#dataDir, { recursive: true, force: true });
  }

  /** A Heroku v3 API call as the admin; throws on an error status. */
  async api(method: string, path: string, body?: unknown): Promise<any> {
    const res = await fetch(`${this.apiUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.token}`, Accept: 'application/vnd.heroku+json; version=3', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as unknown;
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  /** Creates team, space and app "bench" and waits for the space to be allocated. */
  async createSpaceApp(): Promise<void> {
    await this.api('POST', '/teams', { name: 'bench' });
    await this.api('POST', '/spaces', { name: 'bench', team: 'bench' });
    await waitFor(async () => ((await this.api('GET', '/spaces/bench')).state === 'allocated' ? true : undefined));
    await this.api('POST', '/teams/apps', { name: 'bench', space: 'bench' });
  }
}

/** Polls `check` every 10 ms until it returns a value. */
export async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('Timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
