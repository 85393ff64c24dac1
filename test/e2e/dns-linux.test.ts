/**
 * Space DNS end to end: a real `cove server` with the linux runtime inside this file's sandbox,
 * real queries from inside dyno namespaces through the system resolver (glibc `getent`, which
 * reads the dyno's /etc/resolv.conf) and Node's `dns`. An upstream resolver (dnsmasq) in the
 * simulated internet answers names that are not Cove's; the sandbox's /etc/resolv.conf points
 * at it, as a host's would point at its resolvers.
 */
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { CoveServer, type ApiDyno } from '../support/cove-server.js';
import { enterSandbox } from '../support/sandbox.js';

const run = promisify(execFile);
const inSandbox = enterSandbox(import.meta.url);
const UPSTREAM = '203.0.113.53';
const OUTSIDE_NAME = 'outside.example.test';
const OUTSIDE_IP = '203.0.113.77';

/** `node dnsq.js SERVER NAME [TYPE]`: SERVER "-" uses the system's resolv.conf. Prints "ok a,b" or "fail CODE". */
const DNSQ = `
const dns = require('dns');
const [server, name, type] = process.argv.slice(2);
const r = new dns.promises.Resolver({ timeout: 1500, tries: 1 });
if (server !== '-') r.setServers([server]);
(type === 'PTR' ? r.reverse(name) : r.resolve4(name)).then(
  (a) => console.log('ok ' + a.sort().join(',')),
  (e) => console.log('fail ' + e.code),
);
`;

/** Sends junk to a DNS server over UDP and TCP, then exits. */
const JUNK = `
const dgram = require('dgram'), net = require('net');
const host = process.argv[2];
const u = dgram.createSocket('udp4');
const packets = [Buffer.alloc(0), Buffer.from([1]), Buffer.alloc(12, 0xff), Buffer.from('not a dns packet at all'), Buffer.alloc(600, 0x41)];
let n = 0;
for (const p of packets) u.send(p, 53, host, () => { if (++n === packets.length) u.close(); });
const s = net.connect(53, host, () => { s.write(Buffer.from([0xff, 0xff, 1, 2, 3])); s.end(); });
s.on('error', () => {});
s.on('close', () => console.log('sent'));
`;

if (!inSandbox) {
  describe('space DNS with the linux runtime', { skip: 'needs root' }, () => undefined);
} else {
  const lab = await import('../linux/lab.js');
  const cove = new CoveServer({ tag: 'e2e-dns' });
  let internet: { stop(): void } | undefined;
  let upstream: ChildProcess | undefined;
  let dnsq = '';
  let junk = '';

  const dynos = (app: string, count: number): Promise<ApiDyno[]> => lab.waitFor(`${count} ${app} dynos up`, () => cove.upDynos(app, count), 60_000);
  /** The router netns short id of a space: the one holding the space's DNS address (CIDRs differ here). */
  const spaceShort = async (space: string): Promise<string> => {
    const { cidr } = (await cove.api('GET', `/spaces/${space}`)) as { cidr: string };
    const vip = cidr.replace(/\.0\.0\/16$/, '.0.2');
    const { stdout } = await run('ip', ['netns', 'list']);
    for (const [, id] of stdout.matchAll(/cvs-([0-9a-f]{8})/g)) {
      const { stdout: addrs } = await run('ip', ['-n', `cvs-${id}`, '-j', 'addr', 'show', 'lo']);
      if (addrs.includes(`"local":"${vip}"`)) return id ?? '';
    }
    throw new Error(`no router netns for space ${space}`);
  };
  /** Runs a shell command inside a dyno (as the dyno's user) and returns its stdout. */
  const inDyno = async (space: string, dyno: ApiDyno, command: string): Promise<string> =>
    (await lab.inDyno(await spaceShort(space), dyno.extended.ip, command)).stdout.trim();

  before(async () => {
    internet = await lab.makeInternet();
    await run('ip', ['-n', 'inet', 'addr', 'add', `${UPSTREAM}/24`, 'dev', 'eth0']);
    upstream = spawn('ip', ['netns', 'exec', 'inet', 'dnsmasq', '-k', '--no-resolv', '--no-hosts', `--listen-address=${UPSTREAM}`,
      '--bind-interfaces', `--address=/${OUTSIDE_NAME}/${OUTSIDE_IP}`, '--pid-file='], { stdio: 'ignore' });
    const dir = await mkdtemp(join(tmpdir(), 'cove-e2e-dns-'));
    await writeFile(join(dir, 'resolv.conf'), `nameserver ${UPSTREAM}\n`);
    // The sandbox has its own mount namespace: this hides the real host file from this run only.
    await run('mount', ['--bind', join(dir, 'resolv.conf'), '/etc/resolv.conf']);
    dnsq = join(dir, 'dnsq.js');
    junk = join(dir, 'junk.js');
    await writeFile(dnsq, DNSQ);
    await writeFile(junk, JUNK);
    await cove.start();
    await cove.api('POST', '/teams', { name: 'acme' });
    for (const [name, cidr] of [['prod', '10.0.0.0/16'], ['other', '10.1.0.0/16']] as const) {
      await cove.api('POST', '/spaces', { name, team: 'acme', cidr, data_cidr: cidr === '10.0.0.0/16' ? '10.2.0.0/16' : '10.3.0.0/16' });
    }
    for (const name of ['prod', 'other']) {
      await lab.waitFor(`${name} allocated`, async () => (await cove.api('GET', `/spaces/${name}`)).state === 'allocated');
    }
    const slug = await lab.makeSlug({ 'dnsq.js': DNSQ, 'junk.js': JUNK });
    await cove.deploySlug('dns-app', slug, { space: 'prod' });
    await cove.deploySlug('peer-app', slug, { space: 'other' });
    await cove.deploySlug('common-app', slug);
    await cove.api('POST', '/teams/apps', { name: 'secret-api', space: 'prod', internal_routing: true });
    await cove.api('PATCH', '/apps/dns-app/formation', { updates: [{ type: 'web', quantity: 2 }] });
    await cove.api('PATCH', '/apps/peer-app/formation', { updates: [{ type: 'web', quantity: 1 }] });
    await cove.api('PATCH', '/apps/common-app/formation', { updates: [{ type: 'web', quantity: 1 }] });
  });
  after(async () => {
    await cove.destroy();
    upstream?.kill('SIGKILL');
    internet?.stop();
  });

  describe('space DNS with the linux runtime', () => {
    test('dyno and formation names resolve through the system resolver and node:dns, with the HEROKU_DNS_* names', async () => {
      const web = await dynos('dns-app', 2);
      const ips = web.map((d) => d.extended.ip).sort();
      const one = web.find((d) => d.name === 'web.1');
      assert.ok(one);
      const formation = await lab.waitFor('both in the formation name', async () => {
        const out = await inDyno('prod', one, 'getent ahostsv4 web.dns-app.app.localspace | cut -d" " -f1 | sort -u');
        return out.split('\n').sort().join(',') === ips.join(',') ? out : undefined;
      });
      assert.ok(formation);
      assert.equal(await inDyno('prod', one, 'getent hosts 2.web.dns-app.app.localspace | cut -d" " -f1'), web.find((d) => d.name === 'web.2')?.extended.ip);
      assert.equal(await inDyno('prod', one, 'node dnsq.js - web.dns-app.app.localspace'), `ok ${ips.join(',')}`);
      assert.equal(await inDyno('prod', one, 'node dnsq.js - "$HEROKU_DNS_DYNO_NAME"'), `ok ${one.extended.ip}`);
      assert.equal(await inDyno('prod', one, 'node dnsq.js - "$HEROKU_DNS_FORMATION_NAME"'), `ok ${ips.join(',')}`);
      assert.equal(await inDyno('prod', one, `node dnsq.js - ${one.extended.ip} PTR`), 'ok 1.web.dns-app.app.localspace');
      const topology = await cove.api('GET', '/spaces/prod/topology');
      for (const d of topology.apps.flatMap((a: any) => a.formations.flatMap((f: any) => f.dynos))) {
        assert.equal(await inDyno('prod', one, `node dnsq.js - ${d.hostname}`), `ok ${d.private_ip}`);
      }
    });

    test('scaling up and down changes the answers', async () => {
      const [first] = await dynos('dns-app', 2);
      assert.ok(first);
      await cove.api('PATCH', '/apps/dns-app/formation', { updates: [{ type: 'web', quantity: 3 }] });
      const three = (await dynos('dns-app', 3)).map((d) => d.extended.ip).sort().join(',');
      await lab.waitFor('three addresses', async () => (await inDyno('prod', first, 'node dnsq.js - web.dns-app.app.localspace')) === `ok ${three}`, 5000);
      await cove.api('PATCH', '/apps/dns-app/formation', { updates: [{ type: 'web', quantity: 1 }] });
      const [only] = await dynos('dns-app', 1);
      assert.ok(only);
      await lab.waitFor('one address', async () => (await inDyno('prod', only, 'node dnsq.js - web.dns-app.app.localspace')) === `ok ${only.extended.ip}`, 5000);
      assert.equal(await inDyno('prod', only, 'node dnsq.js - 3.web.dns-app.app.localspace'), 'fail ENOTFOUND');
    });

    test("another space's names do not resolve, and its DNS address is unreachable from another space and the internet", async () => {
      const [peer] = await dynos('peer-app', 1);
      assert.ok(peer);
      assert.equal(await inDyno('other', peer, 'node dnsq.js - web.dns-app.app.localspace'), 'fail ENOTFOUND');
      assert.equal(await inDyno('other', peer, 'getent hosts web.dns-app.app.localspace; echo "rc=$?"'), 'rc=2');
      assert.equal(await inDyno('other', peer, 'node dnsq.js - web.peer-app.app.localspace'), `ok ${peer.extended.ip}`);
      // Space prod's DNS address (10.0.0.2) from space other, and from the internet host.
      assert.equal(await inDyno('other', peer, 'node dnsq.js 10.0.0.2 web.dns-app.app.localspace'), 'fail ETIMEOUT');
      const fromInternet = await run('ip', ['netns', 'exec', 'inet', process.execPath, dnsq, '10.0.0.2', 'web.dns-app.app.localspace']);
      assert.equal(fromInternet.stdout.trim(), 'fail ETIMEOUT');
    });

    test("an internal app's domains resolve to the space's internal router, public apps' to the router's hairpin address; other names are forwarded", async () => {
      const [web] = await dynos('dns-app', 1);
      assert.ok(web);
      assert.equal(await inDyno('prod', web, 'node dnsq.js - secret-api.apps.test'), 'ok 10.0.0.10');
      await cove.api('POST', '/apps/secret-api/domains', { hostname: 'secret.corp.test', sni_endpoint: null });
      await cove.api('POST', '/apps/dns-app/domains', { hostname: 'www.shop.test', sni_endpoint: null });
      // Dynos reach the public router at their space's transit gateway, the host side of its transit link.
      const transit = JSON.parse((await run('ip', ['-j', 'addr', 'show', `cvt${await spaceShort('prod')}`])).stdout) as { addr_info: { local: string }[] }[];
      const gateway = transit[0]?.addr_info[0]?.local;
      assert.match(gateway ?? '', /^100\.6[4-9]\./);
      await lab.waitFor('custom domains', async () => (await inDyno('prod', web, 'node dnsq.js - secret.corp.test')) === 'ok 10.0.0.10', 5000);
      assert.equal(await inDyno('prod', web, 'node dnsq.js - www.shop.test'), `ok ${gateway}`);
      assert.equal(await inDyno('prod', web, 'node dnsq.js - dns-app.apps.test'), `ok ${gateway}`);
      // A public app of another space is reached the same way.
      assert.equal(await inDyno('prod', web, 'node dnsq.js - peer-app.apps.test'), `ok ${gateway}`);
      // By name, through the router: a dyno of prod calls the public app of space other.
      const call = `node -e "require('http').get('http://peer-app.apps.test/', (r) => { let d = ''; r.on('data', (c) => d += c); r.on('end', () => console.log(r.statusCode, JSON.parse(d).dyno)); }).on('error', (e) => console.log(e.code))"`;
      assert.equal(await lab.waitFor('routed by name', async () => {
        const out = await inDyno('prod', web, call);
        return out === '200 web.1' ? out : undefined;
      }, 10_000), '200 web.1');
      assert.equal(await inDyno('prod', web, `getent hosts ${OUTSIDE_NAME} | cut -d" " -f1`), OUTSIDE_IP);
      assert.equal(await inDyno('prod', web, 'node dnsq.js - nowhere.apps.localspace'), 'fail ENOTFOUND');
    });

    test('apps outside a space resolve the world but get no discovery names', async () => {
      const [common] = await dynos('common-app', 1);
      assert.ok(common);
      const out = async (command: string): Promise<string> => (await lab.inDyno('default', common.extended.ip, command)).stdout.trim();
      await lab.waitFor('default network DNS', async () => (await out(`node dnsq.js - ${OUTSIDE_NAME}`)) === `ok ${OUTSIDE_IP}`, 10_000);
      assert.equal(await out('node dnsq.js - web.common-app.app.localspace'), 'fail ENOTFOUND');
    });

    test('a DNS child that dies is started again and serves every space once more', async () => {
      const [web] = await dynos('dns-app', 1);
      const [peer] = await dynos('peer-app', 1);
      assert.ok(web && peer);
      // The DNS child: the server's child process running bin/dns.js (never a process of another run).
      const server = cove.process?.pid;
      assert.ok(server !== undefined);
      const children = (await readFile(`/proc/${server}/task/${server}/children`, 'utf8')).trim().split(/\s+/).map(Number);
      let dnsPid: number | undefined;
      for (const pid of children) {
        const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
        if (cmdline.includes('bin/dns.js')) dnsPid = pid;
      }
      assert.ok(dnsPid !== undefined, 'the server runs a DNS child');
      process.kill(dnsPid, 'SIGKILL');
      await lab.waitFor('prod answering again', async () => (await inDyno('prod', web, 'node dnsq.js - web.dns-app.app.localspace')) === `ok ${web.extended.ip}`, 15_000);
      await lab.waitFor('other answering again', async () => (await inDyno('other', peer, 'node dnsq.js - web.peer-app.app.localspace')) === `ok ${peer.extended.ip}`, 15_000);
    });

    test('malformed packets do not crash or stall the server', async () => {
      const [web] = await dynos('dns-app', 1);
      assert.ok(web);
      for (let i = 0; i < 3; i++) assert.equal(await inDyno('prod', web, 'node junk.js 10.0.0.2'), 'sent');
      assert.equal(await inDyno('prod', web, 'node dnsq.js - web.dns-app.app.localspace'), `ok ${web.extended.ip}`);
    });
  });
}
