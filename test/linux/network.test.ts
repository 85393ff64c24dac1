/**
 * LinuxRuntime networking, from real connections inside the test's sandbox: the isolation
 * matrix (same space, other space with the same CIDR, host listeners, the internet), egress
 * from the space's stable outbound IP, and a Heroku slug with two web dynos.
 */
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { enterSandbox } from '../support/sandbox.js';
import type * as Platform from '@cove/platform';
import type { TestSlug } from '../support/slug-server.js';
import type * as Lab from './lab.js';

const inSandbox = enterSandbox(import.meta.url);

describe('LinuxRuntime networking', { skip: inSandbox ? false : 'needs root' }, () => {
  // Imported lazily so the file also loads (and skips) where the platform cannot run.
  let lab: typeof Lab;
  let runtime: Platform.LinuxRuntime;
  let internet: { stop(): void };
  let hostListener: Server;
  let slug: TestSlug;
  const logs: string[] = [];
  let dataDir: string | undefined;

  before(async () => {
    lab = await import('./lab.js');
    const { LinuxRuntime } = await import('@cove/platform');
    internet = await lab.makeInternet();
    hostListener = createServer((s) => s.end('host\n')).listen(7777, '0.0.0.0');
    slug = await lab.makeServedSlug();
    const options = await lab.runtimeOptions('net');
    dataDir = options.dataDir;
    runtime = new LinuxRuntime({
      ...options,
      hooks: { log: (l) => logs.push(`${l.source}[${l.dyno}]: ${l.message}`) },
    });
    await runtime.start();
  });

  after(async () => {
    await runtime?.cleanup();
    internet?.stop();
    hostListener?.close();
  });

  test('two apps in one space reach each other on any TCP and UDP port; other spaces, the host and the internet cannot', async () => {
    const spaceA = lab.spaceSpec();
    const spaceB = lab.spaceSpec(); // same 10.0.0.0/16
    const a = await runtime.applySpace(spaceA);
    const b = await runtime.applySpace(spaceB);
    assert.equal(a.ready, true);
    assert.equal(b.ready, true);
    assert.notDeepEqual(a.outboundIps, b.outboundIps, 'spaces prefer distinct outbound IPs');

    const a1 = lab.dynoSpec(spaceA, slug, { appName: 'one' });
    const a2 = lab.dynoSpec(spaceA, slug, { appName: 'two', zone: 'b' });
    const b1 = lab.dynoSpec(spaceB, slug, { appName: 'three' });
    await Promise.all([runtime.startDyno(a1), runtime.startDyno(a2), runtime.startDyno(b1)]);
    const up = await lab.waitFor('three dynos up', async () => {
      const dynos = await runtime.listDynos();
      return dynos.filter((d) => d.state === 'up').length === 3 ? dynos : undefined;
    });
    const ip = (id: string) => up.find((d) => d.id === id)?.privateIp ?? '';
    assert.equal(ip(a1.id), ip(b1.id), 'overlapping CIDRs give the same first address in both spaces');

    const nsA1 = lab.dynoNetns(a1.id);
    const nsB1 = lab.dynoNetns(b1.id);
    // Same space, different apps and zones: TCP and UDP on arbitrary ports.
    assert.equal(await lab.probe(nsA1, 'tcp', ip(a2.id), 7001), 'ok "web.1"');
    assert.equal(await lab.probe(nsA1, 'udp', ip(a2.id), 7002), 'ok "web.1"');
    assert.match(await lab.probe(nsA1, 'tcp', ip(a2.id), 5000), /^ok /);

    // Space A cannot reach space B: not its dynos (its own address is B's dyno's address too,
    // so try B's transit and VIPs), not B's router.
    const addressesOfB = ['100.64.0.6', '100.64.0.5'];
    for (const host of addressesOfB) {
      assert.match(await lab.probe(nsA1, 'tcp', host, 7001, 800), /^fail/, `A → ${host}`);
      assert.match(await lab.probe(nsA1, 'udp', host, 7002, 800), /^fail/, `A → ${host} udp`);
    }
    // A dyno in B sees only B's dynos at B's addresses.
    assert.match(await lab.probe(nsB1, 'tcp', ip(a2.id), 7001, 800), /^fail/, 'B cannot reach the address A2 has in A');

    // No host listener is reachable: host public IP, outbound IPs, transit host side, gateway.
    for (const host of [lab.HOST_PUBLIC_IP, ...lab.OUTBOUND_IPS, '100.64.0.1', '100.64.0.5', '10.0.128.1', '10.0.0.2']) {
      assert.match(await lab.probe(nsA1, 'tcp', host, 7777, 800), /^fail/, `dyno → host ${host}:7777`);
    }
    // The host listener does answer from the host itself, so the probe would see it.
    assert.equal(await lab.probe(null, 'tcp', lab.HOST_PUBLIC_IP, 7777), 'ok "host"');

    // The internet cannot open a connection into a space, even with a route to it.
    for (const host of [ip(a1.id), '100.64.0.2', '10.0.0.10']) {
      assert.match(await lab.probe('inet', 'tcp', host, 7001, 800), /^fail/, `internet → ${host}`);
    }

    // Egress arrives from the space's outbound IP, TCP and UDP.
    assert.equal(await lab.probe(nsA1, 'tcp', lab.INTERNET_HOST, lab.WHOAMI_PORT), `ok ${JSON.stringify(a.outboundIps[0])}`);
    assert.equal(await lab.probe(nsA1, 'udp', lab.INTERNET_HOST, lab.WHOAMI_PORT), `ok ${JSON.stringify(a.outboundIps[0])}`);
    assert.equal(await lab.probe(nsB1, 'tcp', lab.INTERNET_HOST, lab.WHOAMI_PORT), `ok ${JSON.stringify(b.outboundIps[0])}`);

    for (const d of [a1, a2, b1]) await runtime.stopDyno(d.id, { graceSeconds: 2 });
    await runtime.removeSpace(spaceA.id);
    await runtime.removeSpace(spaceB.id);
    assert.deepEqual(await runtime.listSpaces(), []);
  });

  test('applySpace() reads back bridges, VIPs, transit and its own nft table from the kernel', async () => {
    const space = lab.spaceSpec({ cidr: '10.7.0.0/16' });
    const status = await runtime.applySpace(space);
    const again = await runtime.applySpace({ ...space, outboundIps: status.outboundIps });
    assert.deepEqual(again, status);
    const ns = lab.spaceNetns(lab.spaceShortId(runtime, space.id));
    const addrs = JSON.parse(await lab.sh('ip', ['-n', ns, '-j', '-4', 'addr', 'show'])) as { ifname: string; addr_info: { local: string; prefixlen: number }[] }[];
    const byIf = Object.fromEntries(addrs.map((e) => [e.ifname, e.addr_info.map((a) => `${a.local}/${a.prefixlen}`)]));
    assert.deepEqual(byIf['bra'], ['10.7.128.1/20']);
    assert.deepEqual(byIf['brb'], ['10.7.144.1/20']);
    assert.deepEqual(byIf['brc'], ['10.7.160.1/20']);
    assert.ok(byIf['lo']?.includes('10.7.0.2/32') && byIf['lo']?.includes('10.7.0.10/32'));
    const tables = JSON.parse(await lab.sh('ip', ['netns', 'exec', ns, 'nft', '-j', 'list', 'tables'])) as { nftables: { table?: { name: string } }[] };
    assert.deepEqual(tables.nftables.flatMap((e) => (e.table ? [e.table.name] : [])), ['cove']);
    const hostTables = JSON.parse(await lab.sh('nft', ['-j', 'list', 'tables'])) as { nftables: { table?: { name: string } }[] };
    assert.deepEqual(hostTables.nftables.flatMap((e) => (e.table ? [e.table.name] : [])), ['cove']);
    await runtime.removeSpace(space.id);
    assert.equal((await lab.sh('ip', ['netns', 'list'])).includes(ns), false);
  });

  test('a slug with a Node web app runs as two web dynos, up and answering on their private IPs', async () => {
    const space = lab.spaceSpec();
    await runtime.applySpace(space);
    const nodeSlug = await lab.makeServedSlug({
      'server.js': "require('http').createServer((q, s) => s.end(process.env.DYNO + ' ' + process.env.HEROKU_PRIVATE_IP)).listen(process.env.PORT);\n",
    });
    const web1 = lab.dynoSpec(space, nodeSlug, { appName: 'hello', number: 1, command: 'node server.js' });
    const web2 = lab.dynoSpec(space, nodeSlug, { appName: 'hello', number: 2, zone: 'c', command: 'node server.js' });
    await runtime.startDyno(web1);
    await runtime.startDyno(web2);
    const dynos = await lab.waitFor('two web dynos up', async () => {
      const list = (await runtime.listDynos()).filter((d) => d.appId === 'app-hello' && d.state === 'up');
      return list.length === 2 ? list : undefined;
    });
    for (const d of dynos) {
      const answer = await lab.sh('ip', ['netns', 'exec', lab.spaceNetns(lab.spaceShortId(runtime, space.id)), 'curl', '-sS', '-m', '5', `http://${d.privateIp}:${d.port}/`]);
      assert.equal(answer, `${d.name} ${d.privateIp}`);
    }
    assert.ok(logs.includes('heroku[web.2]: State changed from starting to up'));
    assert.ok(logs.includes('heroku[web.1]: Starting process with command `node server.js`'));
    await runtime.removeSpace(space.id);
  });
});
