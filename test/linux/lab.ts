/**
 * A simulated host and internet for linux runtime tests, built inside the test file's
 * `unshare --net --mount` sandbox: the sandbox netns plays the host, with a public interface
 * `up0` (203.0.113.1/24 and outbound addresses .10–.12) joined by a veth to an `inet` netns
 * holding the internet host 203.0.113.100, which runs a TCP/UDP listener that answers with the
 * client's address. Traffic never leaves the sandbox.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

import { spaceSpec } from '../support/runtime-specs.js';
import { serveSlug, type TestSlug } from '../support/slug-server.js';
import type * as Platform from '@cove/platform';

export { dynoSpec, spaceSpec } from '../support/runtime-specs.js';

export const INTERNET_HOST = '203.0.113.100';
export const HOST_PUBLIC_IP = '203.0.113.1';
export const OUTBOUND_IPS = ['203.0.113.10', '203.0.113.11', '203.0.113.12'];
/** TCP and UDP port of the internet host's "who am I" listener. */
export const WHOAMI_PORT = 7000;

/** Answers every TCP connection and UDP datagram with the client's address, then closes. */
const WHOAMI = `
const net = require('net'), dgram = require('dgram');
const host = process.argv[1], port = Number(process.argv[2]);
net.createServer((s) => { s.on('error', () => {}); s.end(s.remoteAddress + '\\n'); }).listen(port, host);
const u = dgram.createSocket('udp4');
u.on('message', (m, r) => u.send(r.address + '\\n', r.port, r.address));
u.bind(port, host, () => console.log('ready'));
`;

/** Probes one TCP or UDP destination from wherever it runs; prints "ok <reply>" or "fail <why>". */
export const PROBE = `
const net = require('net'), dgram = require('dgram');
const [proto, host, port, ms] = process.argv.slice(1);
const t = setTimeout(() => { console.log('fail timeout'); process.exit(0); }, Number(ms || 1500));
if (proto === 'tcp') {
  const s = net.connect(Number(port), host);
  let data = '';
  s.on('data', (d) => data += d);
  s.on('connect', () => { s.write('GET / HTTP/1.0\\r\\n\\r\\n'); });
  s.on('end', () => { clearTimeout(t); console.log('ok ' + JSON.stringify(data.split('\\r\\n\\r\\n').pop().trim())); process.exit(0); });
  s.on('error', (e) => { clearTimeout(t); console.log('fail ' + e.code); process.exit(0); });
} else {
  const u = dgram.createSocket('udp4');
  u.on('message', (m) => { clearTimeout(t); console.log('ok ' + JSON.stringify(String(m).trim())); process.exit(0); });
  u.on('error', (e) => { clearTimeout(t); console.log('fail ' + e.code); process.exit(0); });
  u.send('hello', Number(port), host);
}
`;

export function sh(cmd: string, args: readonly string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error !== null) reject(new Error(`${cmd} ${args.join(' ')}: ${stderr || error.message}`));
      else resolve(stdout);
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

export interface Internet {
  /** Stops the listener. */
  stop(): void;
}

/** Builds up0 ↔ inet and starts the who-am-I listener; a default route points at the internet. */
export async function makeInternet(): Promise<Internet> {
  await sh('ip', ['netns', 'add', 'inet']);
  await sh('ip', ['-batch', '-'], [
    'link add up0 type veth peer name eth0 netns inet',
    `addr add ${HOST_PUBLIC_IP}/24 dev up0`,
    ...OUTBOUND_IPS.map((ip) => `addr add ${ip}/24 dev up0`),
    'link set up0 up',
    `route add default via ${INTERNET_HOST} dev up0`,
  ].join('\n') + '\n');
  await sh('ip', ['-n', 'inet', '-batch', '-'], [
    'link set lo up',
    `addr add ${INTERNET_HOST}/24 dev eth0`,
    'link set eth0 up',
    // Hostile on purpose: the internet knows a way to every space address.
    `route add 10.0.0.0/8 via ${HOST_PUBLIC_IP}`,
    `route add 100.64.0.0/10 via ${HOST_PUBLIC_IP}`,
  ].join('\n') + '\n');
  const server = await startInNetns('inet', WHOAMI, [INTERNET_HOST, String(WHOAMI_PORT)]);
  return { stop: () => server.kill('SIGKILL') };
}

/** Runs a node script inside a netns and resolves once it prints its first line. */
export function startInNetns(netns: string, script: string, args: readonly string[]): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn('ip', ['netns', 'exec', netns, process.execPath, '-e', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout?.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`listener in ${netns} exited with ${code}`)));
  });
}

/** Probes from a netns (null: the test's host netns). */
export async function probe(netns: string | null, proto: 'tcp' | 'udp', host: string, port: number, ms = 1500): Promise<string> {
  const args = [process.execPath, '-e', PROBE, proto, host, String(port), String(ms)];
  const out = netns === null ? await sh(args[0] ?? 'node', args.slice(1)) : await sh('ip', ['netns', 'exec', netns, ...args]);
  return out.trim();
}

/** The netns of a dyno and the router netns of a space, by the backend's documented naming. */
export function dynoNetns(dynoId: string): string {
  return `cvd-${createHash('sha256').update(dynoId).digest('hex').slice(0, 8)}`;
}

export function spaceNetns(shortId: string): string {
  return `cvs-${shortId}`;
}

/** The short id a LinuxRuntime names a space's kernel objects from (`cvs-<id>`, `cvt<id>`), as it reports it. */
export function spaceShortId(runtime: Platform.LinuxRuntime, spaceId: string): string {
  const network = runtime.spaceNetwork(spaceId);
  if (network === null) throw new Error(`The runtime holds no network for space ${spaceId}`);
  return network.namespace.slice('cvs-'.length);
}

/** The same for a space a server in another process made: the backend derives it from the space id. */
export function spaceShortIdOf(spaceId: string): string {
  return createHash('sha256').update(spaceId).digest('hex').slice(0, 8);
}

/**
 * A test app: HTTP on $PORT answers GET with a JSON report about the dyno and POST with the
 * result of running the body as a shell command inside the dyno; it also answers TCP on 7001
 * and UDP on 7002 with $DYNO.
 */
const APP = `
const http = require('http'), net = require('net'), dgram = require('dgram'), fs = require('fs'), cp = require('child_process');
http.createServer((q, s) => {
  if (q.method === 'POST') {
    let body = '';
    q.on('data', (d) => body += d);
    q.on('end', () => cp.execFile('/bin/sh', ['-c', body], { timeout: 10000 }, (e, out, err) => {
      s.end(JSON.stringify({ code: e ? (e.code ?? 1) : 0, stdout: out, stderr: err }));
    }));
    return;
  }
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  s.end(JSON.stringify({
    dyno: process.env.DYNO, ip: process.env.HEROKU_PRIVATE_IP, uid: process.getuid(), gid: process.getgid(),
    capEff: /CapEff:\\s*(\\w+)/.exec(status)[1], env: process.env,
  }));
}).listen(process.env.PORT);
net.createServer((c) => { c.on('error', () => {}); c.end(process.env.DYNO + '\\n'); }).listen(7001);
const u = dgram.createSocket('udp4');
u.on('message', (m, r) => u.send(process.env.DYNO + '\\n', r.port, r.address));
u.bind(7002);
console.log('booted ' + process.env.DYNO);
`;

/** Builds a Heroku-format slug (gzip tar of ./app) with the test app and the probe; returns the tarball's path. */
export async function makeSlug(extra: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cove-linux-slug-'));
  await mkdir(join(dir, 'app'));
  await writeFile(join(dir, 'app', 'app.js'), APP);
  await writeFile(join(dir, 'app', 'probe.js'), PROBE);
  for (const [name, text] of Object.entries(extra)) await writeFile(join(dir, 'app', name), text, { mode: 0o755 });
  await run('tar', ['-czf', join(dir, 'slug.tgz'), '-C', dir, './app']);
  return join(dir, 'slug.tgz');
}

/** makeSlug(), served on loopback as a backend gets it (a URL plus its SHA-256). */
export async function makeServedSlug(extra: Record<string, string> = {}): Promise<TestSlug> {
  return serveSlug(await makeSlug(extra));
}

/** Calls a dyno's HTTP port from inside its space's router netns. */
export async function callDyno(spaceShortId: string, ip: string, body?: string): Promise<any> {
  const script = `
const http = require('http');
const [ip, body] = process.argv.slice(1);
const q = http.request({ host: ip, port: 5000, method: body === undefined ? 'GET' : 'POST', timeout: 15000 }, (s) => {
  let d = ''; s.on('data', (c) => d += c); s.on('end', () => console.log(d));
});
q.on('error', (e) => { console.log(JSON.stringify({ error: e.code })); });
q.end(body);
`;
  const args = ['netns', 'exec', spaceNetns(spaceShortId), process.execPath, '-e', script, ip];
  if (body !== undefined) args.push(body);
  return JSON.parse((await sh('ip', args)).trim());
}

/** Runs a shell command inside the dyno (as the dyno's own user, through the test app). */
export async function inDyno(spaceShortId: string, ip: string, command: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return callDyno(spaceShortId, ip, command);
}

export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Options for a LinuxRuntime confined to one test run. */
export async function runtimeOptions(tag: string): Promise<{ dataDir: string; publicInterface: string; outboundIps: string[]; cgroupParent: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), `cove-linux-${tag}-`));
  return { dataDir, publicInterface: 'up0', outboundIps: OUTBOUND_IPS, cgroupParent: `cove-test-${tag}-${process.pid}` };
}

/** What `steadyLoad()` counted once stopped. */
export interface LoadResult {
  readonly ok: number;
  readonly failed: number;
  readonly errors: Record<string, number>;
}

/**
 * Requests `path` on HOST:80 with a Host header over keep-alive connections (or a new
 * connection for each request), each client pausing `pauseMs` between requests, until stopped;
 * prints its counts.
 */
const STEADY_LOAD = `
const http = require('http');
const [host, hostHeader, concurrency, path, mode, pauseMs] = process.argv.slice(1);
const next = () => (Number(pauseMs) > 0 ? setTimeout(one, Number(pauseMs)) : one());
const agent = mode === 'new' ? false : new http.Agent({ keepAlive: true, maxSockets: Number(concurrency) });
let ok = 0, failed = 0, stopping = false; const errors = {};
function one() {
  if (stopping) return;
  const q = http.get({ host, port: 80, path, headers: { host: hostHeader }, agent, timeout: 10000 }, (r) => {
    r.resume();
    r.on('end', () => { if (r.statusCode === 200) ok++; else { failed++; errors[r.statusCode] = (errors[r.statusCode] || 0) + 1; } next(); });
  });
  q.on('timeout', () => q.destroy(new Error('timeout')));
  q.on('error', (e) => { failed++; errors[e.code || e.message] = (errors[e.code || e.message] || 0) + 1; setTimeout(one, 10); });
}
for (let i = 0; i < Number(concurrency); i++) one();
console.log('started');
process.stdin.on('data', () => {});
process.stdin.on('end', () => { stopping = true; setTimeout(() => { console.log(JSON.stringify({ ok, failed, errors })); process.exit(0); }, 1500); });
`;

/**
 * Starts steady HTTP load from `netns` (the internet, usually) against the public router at
 * `host`, for the app answering to `hostHeader`; `stop()` ends it and resolves with the counts.
 */
export async function steadyLoad(
  netns: string,
  host: string,
  hostHeader: string,
  options: { concurrency?: number; path?: string; newConnection?: boolean; pauseMs?: number } = {},
): Promise<{ stop(): Promise<LoadResult> }> {
  const mode = options.newConnection === true ? 'new' : 'keep-alive';
  const child = spawn('ip', ['netns', 'exec', netns, process.execPath, '-e', STEADY_LOAD, host, hostHeader, String(options.concurrency ?? 8), options.path ?? '/', mode, String(options.pauseMs ?? 0)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise((r) => child.once('exit', r));
  await waitFor('load started', async () => out.includes('started'));
  let stopped: Promise<LoadResult> | undefined;
  return {
    // Idempotent: a test may stop it and also register stop() for cleanup.
    stop: () =>
      (stopped ??= (async () => {
        child.stdin?.end();
        await exited;
        return JSON.parse(out.split('\n').filter((l) => l.startsWith('{')).at(-1) ?? '{}') as LoadResult;
      })()),
  };
}

/** A LinuxRuntime confined to this test run, with one applied space, the internet and the test slug. */
export interface SpaceLab {
  readonly runtime: Platform.LinuxRuntime;
  readonly options: Awaited<ReturnType<typeof runtimeOptions>>;
  readonly space: Platform.SpaceSpec;
  readonly slug: TestSlug;
  /** Removes everything the runtime made, stops the internet and removes the data dir. */
  close(): Promise<void>;
}

export async function spaceLab(tag: string, hooks: Platform.RuntimeHooks = {}): Promise<SpaceLab> {
  const { LinuxRuntime } = await import('@cove/platform');
  const internet = await makeInternet();
  const options = await runtimeOptions(tag);
  const runtime = new LinuxRuntime({ ...options, hooks });
  await runtime.start();
  const space = spaceSpec();
  await runtime.applySpace(space);
  const slug = await makeServedSlug();
  return {
    runtime,
    options,
    space,
    slug,
    close: async () => {
      await runtime.cleanup();
      internet.stop();
      await rm(options.dataDir, { recursive: true, force: true });
    },
  };
}
