/**
 * The space DNS and the drain forwarder keep serving while `cove server` is down, and the next
 * server adopts them (issue 21 §2): a process in a dyno's network queries the space DNS without
 * pause (a discovery name, an internal app's domain and an outside name) while the server is
 * (d) stopped with SIGTERM and started, (e) killed with SIGKILL and started, (f) replaced by a
 * newer build — and no query fails. The adopted DNS child takes updates (a new app, a new space).
 * A dyno printing a numbered line every 200 ms reaches its syslog drain and `heroku logs` with no
 * number missing across those restarts; output past the bound written during an outage gives
 * Heroku's L10 line. `stopLeftoverDns`/`stopLeftoverDrains` (--cleanup, --stop-data-plane) stop
 * what a stopped server left running.
 */
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { runningDnsPid, stopLeftoverDns, stopLeftoverDrains } from '@cove/platform';
import { CoveServer, SERVER_ENTRY, type ApiDyno } from '../support/cove-server.js';
import { syslogReceiver, type Receiver } from '../support/drain-receivers.js';
import { enterSandbox } from '../support/sandbox.js';
import { openSse } from '../support/sse.js';

const run = promisify(execFile);
const inSandbox = enterSandbox(import.meta.url);
const UPSTREAM = '203.0.113.53';
const OUTSIDE_NAME = 'outside.example.test';
const OUTSIDE_IP = '203.0.113.77';
const SPACE_DNS = '10.0.0.2';
const INTERNAL_ROUTER = '10.0.0.10';

/**
 * `node querier.js SERVER NAME=EXPECTED…`: queries each name in turn without pause (a short
 * sleep between rounds) until stdin ends, then prints its counts. EXPECTED "*" takes any
 * answer. Each query has one try of 5 s, as glibc's resolver gives a server: a closed socket
 * (ECONNREFUSED), a missing name (ENOTFOUND) or silence fails it.
 */
const QUERIER = `
const dns = require('dns');
const [server, ...pairs] = process.argv.slice(2);
const names = pairs.map((p) => p.split('='));
const r = new dns.promises.Resolver({ timeout: 5000, tries: 1 });
r.setServers([server]);
let ok = 0, failed = 0, stopping = false; const errors = [];
(async () => {
  while (!stopping) {
    for (const [name, expected] of names) {
      try {
        const got = (await r.resolve4(name)).sort().join(',');
        if (expected === '*' || got === expected) ok++;
        else { failed++; errors.push(name + ' ' + got); }
      } catch (e) { failed++; errors.push(name + ' ' + e.code + ' at ' + new Date().toISOString()); }
    }
    await new Promise((res) => setTimeout(res, 20));
  }
  console.log(JSON.stringify({ ok, failed, errors: errors.slice(0, 20) }));
  process.exit(0);
})();
console.log('started');
process.stdin.on('data', () => {});
process.stdin.on('end', () => { stopping = true; });
`;

/** `node dnsq.js SERVER NAME`: one query; prints "ok a,b" or "fail CODE". */
const DNSQ = `
const dns = require('dns');
const [server, name] = process.argv.slice(2);
const r = new dns.promises.Resolver({ timeout: 1500, tries: 1 });
r.setServers([server]);
r.resolve4(name).then((a) => console.log('ok ' + a.sort().join(',')), (e) => console.log('fail ' + e.code));
`;

/** Prints 1,200 lines of 1,000 bytes (past 1 MiB) each time /tmp/flood appears, then removes it. */
const FLOOD = `const fs = require('fs');
setInterval(() => {
  if (!fs.existsSync('/tmp/flood')) return;
  for (let i = 0; i < 1200; i++) fs.writeSync(1, 'flood ' + i + ' ' + 'x'.repeat(988) + '\\n');
  fs.unlinkSync('/tmp/flood');
}, 100);
`;

/** A dyno printing a numbered line every 200 ms. */
const COUNTER = `let n = 0; setInterval(() => console.log('seq ' + ++n), 200);`;

/** The numbers in "seq N" messages, sorted, without repeats. */
function seqNumbers(messages: readonly string[]): number[] {
  return [...new Set(messages.flatMap((m) => /^seq (\d+)$/.exec(m)?.[1] ?? []).map(Number))].sort((a, b) => a - b);
}

/** The numbers missing between the first and last of `numbers`. */
function gaps(numbers: readonly number[]): number[] {
  const have = new Set(numbers);
  const missing: number[] = [];
  for (let n = numbers[0] ?? 0; n <= (numbers.at(-1) ?? 0); n++) if (!have.has(n)) missing.push(n);
  return missing;
}

if (!inSandbox) {
  describe('the data plane across server restarts with the linux runtime', { skip: 'needs root' }, () => undefined);
} else {
  const lab = await import('../linux/lab.js');
  const cove = new CoveServer({ tag: 'e2e-dprestart' });
  let internet: { stop(): void } | undefined;
  let upstream: ChildProcess | undefined;
  let syslog: Receiver | undefined;
  let querier: ChildProcess | undefined;
  let querierOut = '';
  let web: ApiDyno | undefined;
  let newerBuild = '';
  let dnsq = '';

  const dnsDir = (): string => join(cove.dataDir, 'dns');
  const drainPid = async (): Promise<number> => (JSON.parse(await readFile(join(cove.dataDir, 'drains', 'drains.pid'), 'utf8')) as { pid: number }).pid;
  /** True while `pid` runs (a zombie waiting for its reaper does not). */
  const alive = async (pid: number): Promise<boolean> => {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    return stat !== '' && !/^\S+ \(.*\) [ZX] /.test(stat);
  };
  /** One query from the dyno's network (or a space's router netns) to `server`. */
  const query = async (name: string, server = SPACE_DNS, netns = lab.dynoNetns(web?.id ?? '')): Promise<string> =>
    (await run('ip', ['netns', 'exec', netns, process.execPath, dnsq, server, name])).stdout.trim();
  /** Lets the querier run a while (the machine is busy: a few rounds at least). */
  const queriesPass = async (): Promise<void> => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
  };
  /** The app's log session (Heroku's `heroku logs -n 1500`), one message per line. */
  const appLog = async (app: string): Promise<string[]> => {
    const session = await cove.api('POST', `/apps/${app}/log-sessions`, { lines: 1500 });
    const stream = await openSse(session.logplex_url);
    await stream.ended;
    return stream.events.map((e) => e.data);
  };

  before(async () => {
    internet = await lab.makeInternet();
    await run('ip', ['-n', 'inet', 'addr', 'add', `${UPSTREAM}/24`, 'dev', 'eth0']);
    upstream = spawn('ip', ['netns', 'exec', 'inet', 'dnsmasq', '-k', '--no-resolv', '--no-hosts', `--listen-address=${UPSTREAM}`,
      '--bind-interfaces', `--address=/${OUTSIDE_NAME}/${OUTSIDE_IP}`, '--pid-file='], { stdio: 'ignore' });
    const dir = await mkdtemp(join(tmpdir(), 'cove-e2e-dprestart-'));
    await writeFile(join(dir, 'resolv.conf'), `nameserver ${UPSTREAM}\n`);
    // The sandbox has its own mount namespace: this hides the real host file from this run only.
    await run('mount', ['--bind', join(dir, 'resolv.conf'), '/etc/resolv.conf']);
    dnsq = join(dir, 'dnsq.js');
    await writeFile(dnsq, DNSQ);
    await writeFile(join(dir, 'querier.js'), QUERIER);
    syslog = await syslogReceiver();

    await cove.start();
    await cove.api('POST', '/teams', { name: 'acme' });
    await cove.api('POST', '/spaces', { name: 'prod', team: 'acme', cidr: '10.0.0.0/16', data_cidr: '10.2.0.0/16' });
    await lab.waitFor('prod allocated', async () => (await cove.api('GET', '/spaces/prod')).state === 'allocated', 60_000);
    const slug = await lab.makeSlug({ 'counter.js': COUNTER, 'flood.js': FLOOD });
    await cove.deploySlug('dns-app', slug, { space: 'prod', processTypes: { web: 'node flood.js & node app.js' } });
    await cove.deploySlug('tick-app', slug, { space: 'prod', processTypes: { counter: 'node counter.js' } });
    await cove.api('POST', '/teams/apps', { name: 'secret-api', space: 'prod', internal_routing: true });
    await cove.api('POST', '/apps/tick-app/log-drains', { url: `syslog://127.0.0.1:${syslog.port}` });
    await cove.api('PATCH', '/apps/dns-app/formation', { updates: [{ type: 'web', quantity: 1 }] });
    await cove.api('PATCH', '/apps/tick-app/formation', { updates: [{ type: 'counter', quantity: 1 }] });
    [web] = await lab.waitFor('dns-app web.1 up', () => cove.upDynos('dns-app', 1), 60_000);
    assert.ok(web !== undefined);
    await lab.waitFor('the counter reaches the drain', async () => syslog?.messages.some((m) => m.message === 'seq 3'), 60_000);
    // Ready before the querier starts: every name answers.
    const names = [`web.dns-app.app.localspace=${web.extended.ip}`, `secret-api.apps.test=${INTERNAL_ROUTER}`, `${OUTSIDE_NAME}=${OUTSIDE_IP}`];
    for (const pair of names) {
      const [name, expected] = pair.split('=');
      await lab.waitFor(`${name} answers`, async () => (await query(name ?? '')) === `ok ${expected}`, 20_000);
    }
    querier = spawn('ip', ['netns', 'exec', lab.dynoNetns(web.id), process.execPath, join(dir, 'querier.js'), SPACE_DNS, ...names], { stdio: ['pipe', 'pipe', 'inherit'] });
    querier.stdout?.setEncoding('utf8').on('data', (d: string) => (querierOut += d));
    await lab.waitFor('querier started', async () => querierOut.includes('started'));
  });

  after(async () => {
    querier?.kill('SIGKILL');
    await cove.destroy();
    await syslog?.close();
    upstream?.kill('SIGKILL');
    internet?.stop();
    if (newerBuild !== '') await rm(newerBuild, { recursive: true, force: true });
  });

  describe('the data plane across server restarts with the linux runtime', () => {
    test('(d) SIGTERM: the DNS child and the drain forwarder keep running, answer meanwhile, and are adopted', async () => {
      const dnsPid = await runningDnsPid(dnsDir());
      const forwarder = await drainPid();
      assert.ok(dnsPid !== null && (await alive(forwarder)));
      await cove.stop('SIGTERM');
      assert.equal(await runningDnsPid(dnsDir()), dnsPid, 'the DNS child outlives the server');
      assert.ok(await alive(forwarder), 'the drain forwarder outlives the server');
      await queriesPass();
      assert.equal(await query(`web.dns-app.app.localspace`), `ok ${web?.extended.ip}`);
      await cove.start();
      assert.equal(await runningDnsPid(dnsDir()), dnsPid, 'adopted, not replaced');
      assert.equal(await drainPid(), forwarder, 'the forwarder adopted, not replaced');
      await queriesPass();
      // The adopted child takes the new server's feed: a new internal app resolves.
      await cove.api('POST', '/teams/apps', { name: 'late-api', space: 'prod', internal_routing: true });
      await lab.waitFor('late-api resolves', async () => (await query('late-api.apps.test')) === `ok ${INTERNAL_ROUTER}`, 20_000);
    });

    test('(e) SIGKILL: the same, and the adopted child serves a space created afterwards', async () => {
      const dnsPid = await runningDnsPid(dnsDir());
      const forwarder = await drainPid();
      await cove.stop('SIGKILL');
      await queriesPass();
      assert.ok(await alive(forwarder));
      await cove.start();
      assert.equal(await runningDnsPid(dnsDir()), dnsPid);
      assert.equal(await drainPid(), forwarder);
      await queriesPass();
      const space = await cove.api('POST', '/spaces', { name: 'later', team: 'acme', cidr: '10.1.0.0/16', data_cidr: '10.3.0.0/16' });
      await lab.waitFor('later allocated', async () => (await cove.api('GET', '/spaces/later')).state === 'allocated', 60_000);
      const routerNetns = lab.spaceNetns(lab.spaceShortIdOf(space.id as string));
      await lab.waitFor('the new space answers', async () => (await query(OUTSIDE_NAME, '10.1.0.2', routerNetns)) === `ok ${OUTSIDE_IP}`, 20_000);
    });

    test('(f) a newer build replaces the server and adopts the running DNS child and forwarder', async () => {
      // A second build of the same code elsewhere (inside packages/platform, so its imports resolve).
      newerBuild = join(dirname(dirname(dirname(SERVER_ENTRY))), `dist-next-${process.pid}`);
      await cp(dirname(dirname(SERVER_ENTRY)), newerBuild, { recursive: true });
      const dnsPid = await runningDnsPid(dnsDir());
      const forwarder = await drainPid();
      await cove.stop('SIGTERM');
      await cove.start([], join(newerBuild, 'bin', 'server.js'));
      assert.equal(await runningDnsPid(dnsDir()), dnsPid);
      assert.equal(await drainPid(), forwarder);
      await queriesPass();
    });

    test('no DNS query failed through (d), (e) and (f)', async () => {
      assert.ok(querier !== undefined);
      const exited = new Promise((resolve) => querier?.once('exit', resolve));
      querier.stdin?.end();
      await exited;
      const result = JSON.parse(querierOut.split('\n').filter((l) => l.startsWith('{')).at(-1) ?? '{}') as { ok: number; failed: number; errors: string[] };
      assert.ok(result.ok > 30, `only ${result.ok} queries answered`);
      assert.deepEqual({ failed: result.failed, errors: result.errors }, { failed: 0, errors: [] });
    });

    test('the counter reached its drain and heroku logs with no number missing across the restarts', async () => {
      assert.ok(syslog !== undefined);
      const last = Math.max(...seqNumbers(syslog.messages.map((m) => m.message)));
      const inLog = await lab.waitFor('the log has caught up', async () => {
        const numbers = seqNumbers((await appLog('tick-app')).flatMap((l) => / app\[counter\.1\]: (seq \d+)$/.exec(l)?.[1] ?? []));
        return (numbers.at(-1) ?? 0) >= last ? numbers : undefined;
      }, 20_000);
      assert.deepEqual(gaps(inLog), [], 'heroku logs');
      const drained = seqNumbers(syslog.messages.filter((m) => m.procId === 'counter.1').map((m) => m.message));
      assert.equal(drained[0], 1, 'the drain has the first line');
      assert.ok(drained.length > 50, `${drained.length} lines drained`);
      assert.deepEqual(gaps(drained), [], 'the syslog drain');
    });

    test('output past the bound written while the server is down gives an L10 line; the newest lines arrive in order', async (t) => {
      assert.ok(web !== undefined);
      const prod = lab.spaceShortIdOf((await cove.api('GET', '/spaces/prod')).id as string);
      await cove.stop('SIGTERM');
      // The dyno writes 1,200 lines of 1,000 bytes to its stdout while no server runs: past 1 MiB.
      const ip = web.extended.ip;
      await lab.inDyno(prod, ip, 'touch /tmp/flood');
      await lab.waitFor('the flood written', async () => (await lab.inDyno(prod, ip, 'test -e /tmp/flood || echo gone')).stdout.trim() === 'gone');
      await cove.start();
      const lines = await lab.waitFor('the flood delivered', async () => {
        const log = await appLog('dns-app');
        return log.some((l) => / app\[web\.1\]: flood 1199 /.test(l)) ? log : undefined;
      }, 30_000).catch(async (error: unknown) => {
        // What the server saw: each dyno's output file and how far it was read.
        for (const d of await readdir(join(cove.dataDir, 'runtime', 'dynos')).catch(() => [])) {
          const size = (await stat(join(cove.dataDir, 'runtime', 'dynos', d, 'output.log')).catch(() => null))?.size;
          const record = JSON.parse(await readFile(join(cove.dataDir, 'runtime', 'dynos', d, 'dyno.json'), 'utf8').catch(() => '{}')) as { outputOffset?: number; spec?: { name: string; appName: string } };
          t.diagnostic(`${d} ${record.spec?.appName} ${record.spec?.name}: output.log ${size} bytes, read to ${record.outputOffset}`);
        }
        t.diagnostic((await appLog('dns-app')).slice(-5).map((l) => l.slice(0, 150)).join('\n'));
        throw error;
      });
      const l10 = lines.map((l) => / heroku\[logplex\]: Error L10 \(output buffer overflow\): (\d+) messages dropped since (\S+)\.$/.exec(l)).find((m) => m !== null);
      assert.ok(l10 !== undefined && l10 !== null, 'an L10 line');
      const kept = lines.flatMap((l) => / app\[web\.1\]: flood (\d+) /.exec(l)?.[1] ?? []).map(Number);
      assert.equal(Number(l10[1]), kept[0], 'the L10 count is the number of lines dropped before the first kept one');
      assert.deepEqual(gaps(kept), []);
      assert.equal(kept.at(-1), 1199);
      // Exactly the whole lines that fit in the newest 1 MiB: one more would not.
      const bytes = (i: number): number => `flood ${i} ${'x'.repeat(988)}\n`.length;
      const keptBytes = kept.reduce((sum, i) => sum + bytes(i), 0);
      const first = kept[0] ?? 0;
      assert.ok(keptBytes <= 1024 * 1024 && keptBytes + bytes(first - 1) > 1024 * 1024, `${kept.length} lines (${keptBytes} bytes) kept from flood ${first}`);
    });

    test('a stopped server leaves the data plane running; stopLeftoverDns/stopLeftoverDrains stop it', async () => {
      const dnsPid = await runningDnsPid(dnsDir());
      const forwarder = await drainPid();
      assert.ok(dnsPid !== null);
      await cove.stop('SIGTERM');
      assert.equal(await query(OUTSIDE_NAME), `ok ${OUTSIDE_IP}`);
      assert.equal(await stopLeftoverDns(dnsDir()), true);
      assert.equal(await stopLeftoverDrains(join(cove.dataDir, 'drains')), true);
      assert.equal(await alive(dnsPid), false);
      assert.equal(await alive(forwarder), false);
      assert.match(await query(OUTSIDE_NAME), /^fail /);
      assert.equal(await stopLeftoverDns(dnsDir()), false, 'nothing left to stop');
    });
  });
}
