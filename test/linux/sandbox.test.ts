/**
 * The dyno sandbox, asked from inside the dyno (the test app runs shell commands as the dyno):
 * unprivileged uid, no capabilities, only its own processes, a read-only slug behind a private
 * writable /app and /tmp, no way to change its network, and Heroku's environment.
 */
import assert from 'node:assert/strict';
import { readdir, readFile, rm } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { enterSandbox } from '../support/sandbox.js';
import type * as Platform from '@cove/platform';
import type * as Lab from './lab.js';

const inSandbox = enterSandbox(import.meta.url);

describe('LinuxRuntime dyno sandbox', { skip: inSandbox ? false : 'needs root' }, () => {
  let lab: typeof Lab;
  let runtime: Platform.LinuxRuntime;
  let internet: { stop(): void };
  let dataDir: string;
  let space: Platform.SpaceSpec;
  const ips: Record<string, string> = {};

  before(async () => {
    lab = await import('./lab.js');
    const { LinuxRuntime } = await import('@cove/platform');
    internet = await lab.makeInternet();
    const options = await lab.runtimeOptions('sandbox');
    dataDir = options.dataDir;
    runtime = new LinuxRuntime(options);
    await runtime.start();
    space = lab.spaceSpec();
    await runtime.applySpace(space);
    const slug = await lab.makeServedSlug();
    const web1 = lab.dynoSpec(space, slug, { appName: 'sbx', env: { GREETING: 'hello', PORT: '1' } });
    const web2 = lab.dynoSpec(space, slug, { appName: 'sbx', number: 2 });
    await runtime.startDyno(web1);
    await runtime.startDyno(web2);
    const dynos = await lab.waitFor('dynos up', async () => {
      const list = (await runtime.listDynos()).filter((d) => d.state === 'up');
      return list.length === 2 ? list : undefined;
    });
    for (const d of dynos) ips[d.name] = d.privateIp ?? '';
  });

  after(async () => {
    await runtime?.cleanup();
    internet?.stop();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  });

  const run = (dyno: string, command: string) => lab.inDyno(lab.spaceShortId(runtime, space.id), ips[dyno] ?? '', command);

  test('a dyno runs as a uid other than 0 with no effective, permitted or bounding capabilities', async () => {
    const report = await lab.callDyno(lab.spaceShortId(runtime, space.id), ips['web.1'] ?? '');
    assert.notEqual(report.uid, 0);
    assert.notEqual(report.gid, 0);
    assert.equal(report.capEff, '0000000000000000');
    const caps = await run('web.1', 'grep -E "^(CapPrm|CapBnd|CapAmb|NoNewPrivs)" /proc/self/status');
    assert.match(caps.stdout, /CapPrm:\s+0{16}/);
    assert.match(caps.stdout, /CapBnd:\s+0{16}/);
    assert.match(caps.stdout, /NoNewPrivs:\s+1/);
  });

  test('a dyno sees only its own processes', async () => {
    const out = await run('web.1', 'for p in /proc/[0-9]*; do echo "$(cat $p/comm)"; done');
    const commands = out.stdout.split('\n').filter((l) => l.trim() !== '');
    // init, the app, and the shell running this listing (plus its subshells).
    assert.ok(commands.length <= 6, `few processes: ${commands.join(' | ')}`);
    assert.ok(commands.every((c) => ['sh', 'node', 'cat', 'bash'].includes(c)), commands.join(' | '));
    assert.ok(commands.includes('node'));
    // pid 1 is the dyno's own init.
    assert.match((await run('web.1', 'cat /proc/1/cmdline | tr "\\0" " "')).stdout, /cove-init/);
  });

  test('a dyno cannot write its slug; /app and /tmp are private and writable', async () => {
    const write = await run('web.1', 'echo changed > /app/app.js && echo mine > /app/new.txt && echo t > /tmp/t && cat /app/new.txt /tmp/t');
    assert.equal(write.code, 0, write.stderr);
    assert.equal(write.stdout, 'mine\nt\n');
    // The slug on the host is untouched, and the other dyno of the same slug sees the original.
    const slugs = `${dataDir}/runtime/slugs`;
    const [slugDir] = await readdir(slugs);
    assert.match(await readFile(`${slugs}/${slugDir}/app/app.js`, 'utf8'), /createServer/);
    assert.match((await run('web.2', 'cat /app/app.js')).stdout, /createServer/);
    assert.notEqual((await run('web.2', 'cat /tmp/t /app/new.txt')).code, 0);
    // The host's data directory is not there at all; system directories and the root are read-only.
    assert.notEqual((await run('web.1', `test -e ${dataDir}/runtime`)).code, 0);
    for (const path of ['/usr/x', '/etc/x', '/x', '/bin/x']) {
      assert.notEqual((await run('web.1', `touch ${path}`)).code, 0, `${path} must be read-only`);
    }
  });

  test('a dyno cannot change its routes, addresses or links', async () => {
    for (const cmd of ['ip route add 192.0.2.0/24 dev eth0', 'ip route del default', 'ip addr add 10.0.128.99/20 dev eth0', 'ip link set eth0 down']) {
      const r = await run('web.1', cmd);
      assert.notEqual(r.code, 0, `${cmd} must fail`);
    }
    const routes = JSON.parse(await lab.sh('ip', ['-n', lab.dynoNetns((await runtime.listDynos()).find((d) => d.name === 'web.1')?.id ?? ''), '-j', 'route', 'show'])) as { dst: string }[];
    assert.deepEqual(routes.map((r) => r.dst).sort(), ['10.0.128.0/20', 'default']);
  });

  test('a dyno gets Heroku\'s environment; platform variables win over config vars', async () => {
    const { env } = await lab.callDyno(lab.spaceShortId(runtime, space.id), ips['web.1'] ?? '');
    assert.equal(env.PORT, '5000');
    assert.equal(env.DYNO, 'web.1');
    assert.equal(env.GREETING, 'hello');
    assert.equal(env.HEROKU_PRIVATE_IP, ips['web.1']);
    assert.equal(env.HEROKU_DNS_APP_NAME, 'sbx.app.localspace');
    assert.equal(env.HEROKU_DNS_FORMATION_NAME, 'web.sbx.app.localspace');
    assert.equal(env.HEROKU_DNS_DYNO_NAME, '1.web.sbx.app.localspace');
    assert.equal(env.HOME, '/app');
    assert.match(env.PATH, /\/usr\/bin/);
    const resolv = await run('web.1', 'cat /etc/resolv.conf');
    assert.match(resolv.stdout, /nameserver 10\.0\.0\.2/);
  });
});
