/**
 * The DNS server as a process of its own, reached over its control channel: it binds each
 * space's sockets itself (here in its own namespace, on loopback), takes the feed, answers
 * queries, and outlives its owner (`close({ keepRunning: true })`) for another to adopt.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Resolver } from 'node:dns/promises';
import { after, before, test } from 'node:test';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DnsProcess } from '@cove/platform';
import { aQuery, bindDns, DNS_PORT, FakeUpstream, tcpQuery, twoSpaceFeed, udpQuery, addressesOf, decode, loopbackNet } from '../support/dns-harness.js';

const NET = loopbackNet();
const SPACE_A = `${NET}.1`;
const SPACE_B = `${NET}.2`;
const SPACE_C = `${NET}.3`;
const UPSTREAM = `${NET}.9`;

let dns: DnsProcess;
let dir: string;
let upstream: FakeUpstream;
const exits: (number | null)[] = [];

function resolver(address: string): Resolver {
  const r = new Resolver({ timeout: 2000, tries: 1 });
  r.setServers([`${address}:${DNS_PORT}`]);
  return r;
}

before(async () => {
  upstream = await FakeUpstream.start(UPSTREAM);
  dir = await mkdtemp(join(tmpdir(), 'cove-dns-process-'));
  dns = new DnsProcess({ dir, upstreams: [{ address: UPSTREAM, port: DNS_PORT }], attemptTimeoutMs: 500, onExit: (code) => exits.push(code) });
  await dns.start();
  await dns.update(twoSpaceFeed());
  await dns.attach('space-a', place(SPACE_A));
  // Space B is served over UDP only.
  await dns.attach('space-b', { ...place(SPACE_B), tcp: false });
});

after(async () => {
  await dns.close();
  await upstream.close();
  await rm(dir, { recursive: true, force: true });
});

/** A space's address on loopback, bound in the child's own namespace. */
function place(address: string): { netns: null; address: string; port: number } {
  return { netns: null, address, port: DNS_PORT };
}

test('DnsProcess serves each space on the sockets it binds', async () => {
  assert.ok(dns.pid !== undefined && dns.pid !== process.pid);
  assert.deepEqual((await resolver(SPACE_A).resolve4('web.shop.app.localspace')).sort(), ['10.0.128.11', '10.0.144.11']);
  assert.deepEqual(await resolver(SPACE_B).resolve4('web.blog.app.localspace'), ['10.0.128.11']);
  await assert.rejects(resolver(SPACE_B).resolve4('web.shop.app.localspace'), { code: 'ENOTFOUND' });
  assert.deepEqual(addressesOf(decode(await tcpQuery(SPACE_A, aQuery('2.web.shop.app.localspace')))), ['10.0.144.11']);
});

test('DnsProcess.update() is applied before it resolves', async () => {
  const feed = twoSpaceFeed();
  const [a, b] = feed.spaces;
  assert.ok(a !== undefined && b !== undefined);
  await dns.update({ ...feed, spaces: [{ ...a, apps: [] }, b] });
  await assert.rejects(resolver(SPACE_A).resolve4('web.shop.app.localspace'), { code: 'ENOTFOUND' });
  await dns.update(twoSpaceFeed());
  assert.deepEqual(await resolver(SPACE_A).resolve4('1.web.shop.app.localspace'), ['10.0.128.11']);
});

test('DnsProcess forwards through the child to the upstream, with its cache', async () => {
  const before = upstream.queries;
  assert.deepEqual(await resolver(SPACE_A).resolve4('forwarded.example'), ['192.0.2.1']);
  assert.deepEqual(await resolver(SPACE_B).resolve4('forwarded.example'), ['192.0.2.1']);
  assert.equal(upstream.queries, before + 1);
});

test('DnsProcess keeps answering after malformed packets', async () => {
  const valid = aQuery('1.web.shop.app.localspace');
  const junk = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? randomBytes(i % 64) : valid.subarray(0, i % valid.length)));
  await Promise.all(junk.map((msg) => udpQuery(SPACE_A, msg, DNS_PORT, 200)));
  assert.deepEqual(await resolver(SPACE_A).resolve4('1.web.shop.app.localspace'), ['10.0.128.11']);
  assert.deepEqual(exits, []);
});

test('DnsProcess.detach() closes the space\'s sockets in the child', async () => {
  await dns.attach('space-c', place(SPACE_C));
  assert.equal(decode(await udpQuery(SPACE_C, aQuery('anything.localspace'))).rcode, 'NXDOMAIN');
  await dns.detach('space-c');
  assert.equal(await udpQuery(SPACE_C, aQuery('anything.localspace'), DNS_PORT, 300), null);
  // The address is free again: nobody holds the socket any more.
  const again = await bindDns(SPACE_C);
  again.udp.close();
  again.tcp.close();
});

test('attach() is idempotent: a space already served keeps its sockets', async () => {
  await dns.attach('space-a', place(SPACE_A));
  assert.deepEqual(await resolver(SPACE_A).resolve4('1.web.shop.app.localspace'), ['10.0.128.11']);
});

test('a DNS child that dies is restarted with the last feed; its owner attaches the sockets again', async () => {
  const pid = dns.pid;
  assert.ok(pid !== undefined);
  process.kill(pid, 'SIGKILL');
  while (exits.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.deepEqual(exits, [null]);
  // The owner's start() joins the restart already under way and resolves once it is ready.
  await dns.start();
  assert.ok(dns.pid !== undefined && dns.pid !== pid);
  await dns.attach('space-a', place(SPACE_A));
  await dns.attach('space-b', { ...place(SPACE_B), tcp: false });
  assert.deepEqual(await resolver(SPACE_A).resolve4('1.web.shop.app.localspace'), ['10.0.128.11']);
  await assert.rejects(dns.start(), /already running/);
});

test('close({ keepRunning }) leaves the child answering; the next owner adopts it, updates it, and close() stops it', async () => {
  const pid = dns.pid;
  assert.ok(pid !== undefined);
  await dns.close({ keepRunning: true });
  // Nobody owns it now: it still answers every space from the last feed, over UDP and TCP.
  assert.deepEqual(await resolver(SPACE_A).resolve4('1.web.shop.app.localspace'), ['10.0.128.11']);
  assert.deepEqual(addressesOf(decode(await tcpQuery(SPACE_A, aQuery('2.web.shop.app.localspace')))), ['10.0.144.11']);

  const next = new DnsProcess({ dir, upstreams: [{ address: UPSTREAM, port: DNS_PORT }], onExit: (code) => exits.push(code) });
  dns = next; // after() closes whichever owns it last
  await next.start();
  assert.equal(next.pid, pid, 'the same process, adopted');
  assert.deepEqual([...(next.adoptedSpaces ?? [])].sort(), ['space-a', 'space-b']);
  // Attaching a space it already serves binds nothing new (EADDRINUSE otherwise).
  await next.attach('space-a', place(SPACE_A));
  const feed = twoSpaceFeed();
  const [a, b] = feed.spaces;
  assert.ok(a !== undefined && b !== undefined);
  await next.update({ ...feed, spaces: [{ ...a, apps: [] }, b] });
  await assert.rejects(resolver(SPACE_A).resolve4('web.shop.app.localspace'), { code: 'ENOTFOUND' });
  await next.update(twoSpaceFeed());
  assert.deepEqual(await resolver(SPACE_A).resolve4('1.web.shop.app.localspace'), ['10.0.128.11']);

  await next.close();
  assert.equal(await udpQuery(SPACE_A, aQuery('1.web.shop.app.localspace'), DNS_PORT, 300), null);
  assert.throws(() => process.kill(pid, 0), { code: 'ESRCH' });
});

test('a left-running child exits by itself once its directory is removed', async () => {
  const own = await mkdtemp(join(tmpdir(), 'cove-dns-orphan-'));
  const orphan = new DnsProcess({ dir: join(own, 'dns'), upstreams: [] });
  await orphan.start();
  await orphan.attach('space-c', place(SPACE_C));
  const pid = orphan.pid;
  assert.ok(pid !== undefined);
  await orphan.close({ keepRunning: true });
  assert.equal(decode(await udpQuery(SPACE_C, aQuery('anything.localspace'))).rcode, 'NXDOMAIN');
  await rm(own, { recursive: true, force: true });
  const deadline = Date.now() + 10_000;
  while (existsSync(`/proc/${pid}/cmdline`) && !(await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')).match(/^\S+ \(.*\) [ZX] /)) {
    assert.ok(Date.now() < deadline, 'still running 10 s after its directory went');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.equal(await udpQuery(SPACE_C, aQuery('anything.localspace'), DNS_PORT, 300), null, 'its sockets are closed');
});
