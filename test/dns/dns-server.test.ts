/**
 * The DNS server in this process, serving two "spaces" bound on two loopback addresses (stand-ins
 * for each space's DNS VIP inside its namespace), with overlapping private IPs. Queried with
 * Node's resolver, raw packets and dig. Upstreams are always a fake resolver on loopback.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Resolver } from 'node:dns/promises';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { DnsServer } from '@cove/platform';
import { addressesOf, aQuery, bindDns, decode, DNS_PORT, FakeUpstream, tcpQuery, twoSpaceFeed, udpQuery, loopbackNet } from '../support/dns-harness.js';

const NET = loopbackNet();
const SPACE_A = `${NET}.1`;
const SPACE_B = `${NET}.2`;
const NO_UPSTREAM_SPACE = `${NET}.3`;
const SPARE = `${NET}.4`;
const UPSTREAM = `${NET}.9`;

let server: DnsServer;
let lonely: DnsServer;
let upstream: FakeUpstream;

function resolver(address: string): Resolver {
  const r = new Resolver({ timeout: 2000, tries: 1 });
  r.setServers([`${address}:${DNS_PORT}`]);
  return r;
}

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'unknown';
  }
}

before(async () => {
  upstream = await FakeUpstream.start(UPSTREAM);
  server = new DnsServer({ upstreams: [{ address: UPSTREAM, port: DNS_PORT }], attemptTimeoutMs: 500 });
  server.update(twoSpaceFeed());
  server.attach('space-a', await bindDns(SPACE_A));
  server.attach('space-b', await bindDns(SPACE_B));
  lonely = new DnsServer({ upstreams: [] });
  lonely.update(twoSpaceFeed());
  lonely.attach('space-a', await bindDns(NO_UPSTREAM_SPACE));
});

after(async () => {
  await server.close();
  await lonely.close();
  await upstream.close();
});

test('DnsServer answers dyno and formation names with the asking space\'s IPs', async () => {
  assert.deepEqual(await resolver(SPACE_A).resolve4('1.web.shop.app.localspace'), ['10.0.128.11']);
  assert.deepEqual((await resolver(SPACE_A).resolve4('web.shop.app.localspace')).sort(), ['10.0.128.11', '10.0.144.11']);
  assert.deepEqual(await resolver(SPACE_A).resolve4('1.Worker.SHOP.app.localspace'), ['10.0.160.11']);
  assert.deepEqual(await resolver(SPACE_B).resolve4('web.blog.app.localspace'), ['10.0.128.11']);
});

test('DnsServer gives a TTL of 1 s and varies the order of a formation\'s addresses', async () => {
  const r = resolver(SPACE_A);
  const withTtl = await r.resolve4('web.shop.app.localspace', { ttl: true });
  assert.ok(withTtl.every((a) => a.ttl <= 1));
  const firsts = new Set<string>();
  for (let i = 0; i < 30; i++) firsts.add((await r.resolve4('web.shop.app.localspace'))[0] ?? '');
  assert.equal(firsts.size, 2);
});

test('DnsServer answers NXDOMAIN for another space\'s names and unknown localspace names', async () => {
  assert.equal(await errorCode(resolver(SPACE_B).resolve4('web.shop.app.localspace')), 'ENOTFOUND');
  assert.equal(await errorCode(resolver(SPACE_A).resolve4('web.blog.app.localspace')), 'ENOTFOUND');
  assert.equal(await errorCode(resolver(SPACE_A).resolve4('9.web.shop.app.localspace')), 'ENOTFOUND');
  const reply = decode(await udpQuery(SPACE_A, aQuery('nothing.localspace')));
  assert.equal(reply.rcode, 'NXDOMAIN');
  assert.equal(reply.flag_aa, true);
  assert.equal(reply.authorities?.[0]?.type, 'SOA');
});

test('DnsServer answers NOERROR with no data for AAAA and other types of known names', async () => {
  assert.equal(await errorCode(resolver(SPACE_A).resolve6('web.shop.app.localspace')), 'ENODATA');
  const reply = decode(await udpQuery(SPACE_A, aQuery('1.web.shop.app.localspace', { type: 'TXT' })));
  assert.equal(reply.rcode, 'NOERROR');
  assert.deepEqual(reply.answers, []);
});

test('DnsServer resolves internal apps\' domains to the internal router and public ones to the public router', async () => {
  assert.deepEqual(await resolver(SPACE_A).resolve4('api.cove.localhost'), ['10.0.0.10']);
  assert.deepEqual(await resolver(SPACE_A).resolve4('API.Internal.Example'), ['10.0.0.10']);
  assert.deepEqual(await resolver(SPACE_A).resolve4('blog.cove.localhost'), ['100.64.0.1']);
  assert.deepEqual(await resolver(SPACE_B).resolve4('shop.cove.localhost'), ['100.64.0.5']);
});

test('DnsServer.update() changes the next answer', async () => {
  const r = resolver(SPACE_A);
  const feed = twoSpaceFeed();
  const shop = feed.spaces[0]?.apps[0];
  assert.ok(shop !== undefined);
  // web.1 goes down, worker.1 comes up.
  server.update({
    ...feed,
    spaces: [{ ...feed.spaces[0]!, apps: [{ ...shop, dynos: [{ type: 'web', number: 2, privateIp: '10.0.144.11', up: true }, { type: 'worker', number: 1, privateIp: '10.0.160.11', up: true }] }] }, feed.spaces[1]!],
  });
  try {
    assert.deepEqual(await r.resolve4('web.shop.app.localspace'), ['10.0.144.11']);
    assert.deepEqual(await r.resolve4('worker.shop.app.localspace'), ['10.0.160.11']);
    assert.equal(await errorCode(r.resolve4('1.web.shop.app.localspace')), 'ENOTFOUND');
  } finally {
    server.update(twoSpaceFeed());
  }
  assert.deepEqual(await r.resolve4('1.web.shop.app.localspace'), ['10.0.128.11']);
});

test('DnsServer forwards other names to the upstream and serves a repeat from its cache', async () => {
  const before = upstream.queries;
  assert.deepEqual(await resolver(SPACE_A).resolve4('forwarded.example'), ['192.0.2.1']);
  assert.equal(upstream.queries, before + 1);
  // A repeat from the other space is served from the cache, with the asker's ID.
  const reply = decode(await udpQuery(SPACE_B, aQuery('Forwarded.Example', { id: 777 })));
  assert.equal(reply.id, 777);
  assert.deepEqual(addressesOf(reply), ['192.0.2.1']);
  assert.ok(((reply.answers?.[0] as { ttl?: number } | undefined)?.ttl ?? 99) <= 60);
  assert.equal(upstream.queries, before + 1);
});

test('DnsServer does not cache a TTL 0 answer, and caches NXDOMAIN by its SOA', async () => {
  const before = upstream.queries;
  await resolver(SPACE_A).resolve4('short.example');
  await resolver(SPACE_A).resolve4('short.example');
  assert.equal(upstream.queries, before + 2);
  assert.equal(await errorCode(resolver(SPACE_A).resolve4('missing.example')), 'ENOTFOUND');
  assert.equal(await errorCode(resolver(SPACE_A).resolve4('missing.example')), 'ENOTFOUND');
  assert.equal(upstream.queries, before + 3);
});

test('DnsServer forwards over TCP when asked over TCP', async () => {
  const before = upstream.queries;
  const reply = decode(await tcpQuery(SPACE_A, aQuery('tcp-only.example', { id: 99 })));
  assert.equal(reply.id, 99);
  assert.equal(reply.rcode, 'NXDOMAIN');
  assert.equal(upstream.queries, before + 1);
});

test('DnsServer answers REFUSED for forwarded names when it has no upstream, and still answers its own', async () => {
  assert.equal(await errorCode(resolver(NO_UPSTREAM_SPACE).resolve4('forwarded.example')), 'EREFUSED');
  assert.deepEqual(await resolver(NO_UPSTREAM_SPACE).resolve4('1.web.shop.app.localspace'), ['10.0.128.11']);
});

test('DnsServer answers over TCP, and sets TC when a UDP answer does not fit', async () => {
  server.update(twoSpaceFeed(60));
  try {
    const udp = decode(await udpQuery(SPACE_A, aQuery('web.shop.app.localspace')));
    assert.equal(udp.flag_tc, true);
    assert.deepEqual(udp.answers, []);
    const tcp = decode(await tcpQuery(SPACE_A, aQuery('web.shop.app.localspace')));
    assert.equal(tcp.flag_tc, false);
    assert.equal(addressesOf(tcp).length, 62);
    // c-ares retries a truncated answer over TCP by itself.
    assert.equal((await resolver(SPACE_A).resolve4('web.shop.app.localspace')).length, 62);
  } finally {
    server.update(twoSpaceFeed());
  }
});

test('DnsServer honours an EDNS payload size and echoes OPT', async () => {
  server.update(twoSpaceFeed(20));
  try {
    const classic = decode(await udpQuery(SPACE_A, aQuery('web.shop.app.localspace')));
    assert.equal(classic.flag_tc, true);
    const edns = decode(await udpQuery(SPACE_A, aQuery('web.shop.app.localspace', { edns: 1232 })));
    assert.equal(edns.flag_tc, false);
    assert.equal(addressesOf(edns).length, 22);
    assert.equal(edns.additionals?.[0]?.type, 'OPT');
  } finally {
    server.update(twoSpaceFeed());
  }
});

test('DnsServer survives malformed packets over UDP and TCP and keeps answering', async () => {
  const valid = aQuery('1.web.shop.app.localspace');
  const junk: Buffer[] = [];
  for (let i = 0; i < 300; i++) {
    const kind = i % 4;
    if (kind === 0) junk.push(randomBytes(i % 40));
    else if (kind === 1) junk.push(valid.subarray(0, i % valid.length));
    else if (kind === 2) {
      const mutated = Buffer.from(valid);
      for (let j = 0; j < 3; j++) mutated[Math.floor(Math.random() * mutated.length)] = Math.floor(Math.random() * 256);
      junk.push(mutated);
    } else {
      // A header that promises far more records than the packet holds, and a compression loop.
      const b = Buffer.from(valid);
      b.writeUInt16BE(0xffff, 4 + 2 * (i % 4));
      junk.push(i % 8 === 3 ? Buffer.concat([b.subarray(0, 12), Buffer.from([0xc0, 12, 0, 1, 0, 1])]) : b);
    }
  }
  const replies = await Promise.all(junk.map((msg) => udpQuery(SPACE_A, msg, DNS_PORT, 300)));
  // Whatever came back is a response to the same ID, never a crash.
  replies.forEach((reply, i) => {
    if (reply !== null) assert.equal(reply.readUInt16BE(0), (junk[i] as Buffer).readUInt16BE(0));
  });
  // TCP: garbage frames, a frame promising more than it sends, then a half-closed connection.
  for (const msg of junk.slice(0, 40)) await tcpQuery(SPACE_A, msg, DNS_PORT, 200);
  assert.deepEqual(addressesOf(decode(await udpQuery(SPACE_A, valid))), ['10.0.128.11']);
  assert.deepEqual(addressesOf(decode(await tcpQuery(SPACE_A, valid))), ['10.0.128.11']);
  assert.deepEqual(await resolver(SPACE_A).resolve4('1.web.shop.app.localspace'), ['10.0.128.11']);
});

test('DnsServer answers dig over UDP and TCP', async (t) => {
  const dig = promisify(execFile);
  const found = await dig('dig', ['-v']).then(() => true, () => false);
  if (!found) return t.skip('dig is not installed (apt-get install dnsutils)');
  const args = [`@${SPACE_A}`, '-p', String(DNS_PORT), '+short', '+time=2', '+tries=1'];
  const udp = await dig('dig', [...args, 'web.shop.app.localspace', 'A']);
  assert.deepEqual(udp.stdout.trim().split('\n').sort(), ['10.0.128.11', '10.0.144.11']);
  const tcp = await dig('dig', [...args, '+tcp', '2.web.shop.app.localspace', 'A']);
  assert.equal(tcp.stdout.trim(), '10.0.144.11');
  const other = await dig('dig', [`@${SPACE_B}`, '-p', String(DNS_PORT), '+time=2', '+tries=1', 'web.shop.app.localspace', 'A']);
  assert.match(other.stdout, /status: NXDOMAIN/);
});

test('DnsServer.detach() stops serving a space', async () => {
  const extra = new DnsServer({ upstreams: [] });
  extra.update(twoSpaceFeed());
  extra.attach('space-b', await bindDns(SPARE));
  assert.deepEqual(await resolver(SPARE).resolve4('web.blog.app.localspace'), ['10.0.128.11']);
  await extra.detach('space-b');
  assert.equal(await udpQuery(SPARE, aQuery('web.blog.app.localspace'), DNS_PORT, 300), null);
  await extra.close();
});
