/**
 * Boots a real Cove platform for integration tests: a temporary data directory, a real SQLite
 * file, the API on a random loopback port (HTTP and HTTPS), the reconciler, and by default
 * the in-memory runtime (spaces become allocated, dynos go up) unless `runtime` says otherwise.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadConfig, silentLogger, startPlatform, type Platform, type Runtime, type RuntimeHooks } from '@cove/platform';

const run = promisify(execFile);

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface BootedPlatform {
  platform: Platform;
  url: string;
  dataDir: string;
  adminToken: string;
  adminEmail: string;
  /** Calls the API as the admin (or with `token`); bodies are JSON. */
  request<T = any>(method: string, path: string, options?: { token?: string | null; body?: unknown; headers?: Record<string, string>; rawBody?: string }): Promise<ApiResponse<T>>;
  /** Creates an account through the API and returns its API key. */
  createUser(email: string): Promise<string>;
  /** Creates team `team` and space `space` in it, and waits until the space is allocated. */
  createSpace(space?: string, team?: string): Promise<void>;
  /** Builds a slug from files (paths under app/), uploads it and releases it. */
  deploySlug(app: string, processTypes: Record<string, string>, files?: Record<string, string>): Promise<{ slugId: string; releaseVersion: number }>;
  /** Waits until `predicate` holds, polling; fails after `timeoutMs`. */
  waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs?: number): Promise<T>;
  /** Stops the platform (data directory kept until `cleanup`). */
  stop(): Promise<void>;
  /** Starts a new platform on the same data directory (a server restart). */
  restart(): Promise<BootedPlatform>;
  close(): Promise<void>;
}

export async function bootPlatform(
  options: { dataDir?: string; runtime?: ((hooks: RuntimeHooks) => Runtime) | 'none'; env?: Record<string, string>; args?: string[] } = {},
): Promise<BootedPlatform> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'cove-test-')));
  const adminToken = options.env?.['COVE_ADMIN_TOKEN'] ?? `HRKU-test-${randomBytes(12).toString('hex')}`;
  const config = loadConfig(
    ['--data-dir', dataDir, '--api', '127.0.0.1:0', '--domain', 'apps.test', '--reconcile-interval', '200', ...(options.runtime === 'none' ? ['--runtime', 'none'] : []), ...(options.args ?? [])],
    { COVE_ADMIN_TOKEN: adminToken, ...options.env },
  );
  // The in-memory backend (around the test's runtime when it brings one), unless `none`.
  const runtime = options.runtime;
  const platform = await startPlatform(config, silentLogger, runtime === 'none' ? {} : { memory: runtime === undefined ? {} : { runtime } });
  const url = platform.apiUrl;

  const request: BootedPlatform['request'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { Accept: 'application/vnd.heroku+json; version=3', ...opts.headers };
    const token = opts.token === undefined ? adminToken : opts.token;
    if (token !== null) headers['Authorization'] = `Bearer ${token}`;
    let body: string | undefined = opts.rawBody;
    if (opts.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(opts.body);
    } else if (body !== undefined) headers['Content-Type'] ??= 'application/json';
    const res = await fetch(`${url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, headers: res.headers, body: parsed as any };
  };

  const waitFor: BootedPlatform['waitFor'] = async (what, probe, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const booted: BootedPlatform = {
    platform,
    url,
    dataDir,
    adminToken,
    adminEmail: config.adminEmail,
    request,
    waitFor,
    async createUser(email) {
      const res = await request<{ api_key: string }>('POST', '/users', { body: { email } });
      if (res.status !== 201) throw new Error(`Could not create user ${email}: ${JSON.stringify(res.body)}`);
      return res.body.api_key;
    },
    async createSpace(space = 'prod', team = 'acme') {
      await request('POST', '/teams', { body: { name: team } });
      const created = await request('POST', '/spaces', { body: { name: space, team } });
      if (created.status !== 201) throw new Error(`Could not create space ${space}: ${JSON.stringify(created.body)}`);
      await waitFor(`${space} allocated`, async () => (await request('GET', `/spaces/${space}`)).body.state === 'allocated');
    },
    async deploySlug(app, processTypes, files = { 'app/server.js': 'console.log("hi")\n' }) {
      const dir = await mkdtemp(join(tmpdir(), 'cove-slug-'));
      for (const [path, content] of Object.entries(files)) {
        await mkdir(join(dir, path, '..'), { recursive: true });
        await writeFile(join(dir, path), content);
      }
      await run('tar', ['-czf', join(dir, 'slug.tgz'), '-C', dir, './app']);
      const created = await request<{ id: string; blob: { url: string } }>('POST', `/apps/${app}/slugs`, { body: { process_types: processTypes } });
      if (created.status !== 201) throw new Error(`Could not create slug: ${JSON.stringify(created.body)}`);
      const put = await fetch(created.body.blob.url, { method: 'PUT', body: await readFile(join(dir, 'slug.tgz')) });
      if (put.status !== 200) throw new Error(`Could not upload slug: ${put.status} ${await put.text()}`);
      await rm(dir, { recursive: true, force: true });
      const release = await request<{ version: number }>('POST', `/apps/${app}/releases`, { body: { slug: created.body.id } });
      if (release.status !== 201) throw new Error(`Could not release slug: ${JSON.stringify(release.body)}`);
      return { slugId: created.body.id, releaseVersion: release.body.version };
    },
    stop: () => platform.close(),
    restart: async () => {
      await platform.close().catch(() => {});
      return bootPlatform({ ...options, dataDir, env: { COVE_ADMIN_TOKEN: adminToken, ...options.env } });
    },
    async close() {
      await platform.close().catch(() => {});
      if (options.dataDir === undefined) await rm(dataDir, { recursive: true, force: true });
    },
  };
  return booted;
}
