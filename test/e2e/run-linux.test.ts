/**
 * One-off dynos end to end: the real heroku CLI (`heroku run`, `run:detached`, `ps`, `ps:stop`)
 * against a real `cove server` with the linux runtime inside this file's sandbox. `heroku run`
 * meets its dyno over the rendezvous protocol on TLS (Cove's local CA); the one-off runs in the
 * app's space like any dyno, so it reaches another app's dyno there by its DNS name, and an app
 * in another space cannot.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:tls';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { coveFor } from '../cli/cove-runner.js';
import { CoveServer, type ApiDyno } from '../support/cove-server.js';
import { herokuCli, succeeded, type HerokuCli } from '../support/heroku-cli.js';
import { enterSandbox } from '../support/sandbox.js';

const inSandbox = enterSandbox(import.meta.url);

if (!inSandbox) {
  describe('one-off dynos with the linux runtime', { skip: 'needs root' }, () => undefined);
} else {
  const lab = await import('../linux/lab.js');
  const { encodeFrame, FRAME } = await import('@cove/platform');
  const cove = new CoveServer({ tag: 'e2e-run' });
  let internet: { stop(): void } | undefined;
  let cli: HerokuCli;
  let apiIp = '';

  /** The app's log lines as `source[dyno]: message`, read from the server's store file. */
  const logLines = async (app: string): Promise<string[]> => {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(cove.dataDir, 'cove.db'), { readonly: true, fileMustExist: true });
    try {
      const rows = db
        .prepare('SELECT l.source, l.dyno, l.message FROM log_lines l JOIN apps a ON a.id = l.app_id WHERE a.name = ? ORDER BY l.seq')
        .all(app) as { source: string; dyno: string; message: string }[];
      return rows.map((r) => `${r.source}[${r.dyno}]: ${r.message}`);
    } finally {
      db.close();
    }
  };
  const oneOffs = async (app: string): Promise<ApiDyno[]> => ((await cove.api('GET', `/apps/${app}/dynos`)) as ApiDyno[]).filter((d) => d.type === 'run');

  before(async () => {
    internet = await lab.makeInternet();
    await cove.start();
    await cove.api('POST', '/teams', { name: 'acme' });
    await cove.api('POST', '/spaces', { name: 'prod', team: 'acme', cidr: '10.0.0.0/16', data_cidr: '10.2.0.0/16' });
    await cove.api('POST', '/spaces', { name: 'other', team: 'acme', cidr: '10.1.0.0/16', data_cidr: '10.3.0.0/16' });
    for (const name of ['prod', 'other']) {
      await lab.waitFor(`${name} allocated`, async () => (await cove.api('GET', `/spaces/${name}`)).state === 'allocated', 30_000);
    }
    const slug = await lab.makeSlug();
    await cove.deploySlug('api', slug, { space: 'prod' });
    await cove.deploySlug('shell', slug, { space: 'prod' });
    await cove.deploySlug('outsider', slug, { space: 'other' });
    await cove.deploySlug('secret', slug, { space: 'prod', internalRouting: true });
    await cove.api('PATCH', '/apps/api/formation', { updates: [{ type: 'web', quantity: 1 }] });
    await cove.api('PATCH', '/apps/secret/formation', { updates: [{ type: 'web', quantity: 1 }] });
    const [web] = await lab.waitFor('api web.1 up', () => cove.upDynos('api', 1), 60_000);
    apiIp = web?.extended.ip ?? '';
    cli = await herokuCli({ url: cove.apiUrl, adminToken: cove.token, platform: { caCertPath: join(cove.dataDir, 'tls', 'ca.crt') } });
  });
  after(async () => {
    await cli?.close();
    await cove.destroy();
    internet?.stop();
  });

  describe('one-off dynos with the linux runtime', () => {
    test('heroku run -x exits with the command status: exit 3 gives 3, output arrives', async (t) => {
      if (cli.unavailable !== undefined) return t.skip(cli.unavailable);
      const three = await cli.run(['run', '-x', 'exit 3', '-a', 'shell']);
      assert.equal(three.code, 3, three.stderr);
      const echo = succeeded(await cli.run(['run', '-x', 'echo "hello from $DYNO as $(id -u)"', '-a', 'shell']));
      assert.match(echo.stdout, /hello from run\.\d{4} as 64600/);
      // Without -x too: the server reports how the command ended.
      assert.equal((await cli.run(['run', 'exit 4', '-a', 'shell'])).code, 4);
    });

    test("heroku run in the same space reaches another app's dyno by its DNS name; from another space it cannot", async (t) => {
      if (cli.unavailable !== undefined) return t.skip(cli.unavailable);
      const same = succeeded(
        await cli.run(['run', '-x', 'getent hosts web.api.app.localspace && curl -s -o /dev/null -w "status=%{http_code}\\n" --max-time 10 http://web.api.app.localspace:5000/', '-a', 'shell']),
      );
      assert.match(same.stdout, new RegExp(`${apiIp.replaceAll('.', '\\.')}\\s+web\\.api\\.app\\.localspace`));
      assert.match(same.stdout, /status=200/);
      const name = await cli.run(['run', '-x', 'getent hosts web.api.app.localspace', '-a', 'outsider']);
      assert.equal(name.code, 2, `the name does not resolve in another space: ${name.stdout}`);
      const ip = await cli.run(['run', '-x', `curl -s -o /dev/null --connect-timeout 3 http://${apiIp}:5000/`, '-a', 'outsider']);
      assert.notEqual(ip.code, 0, 'nothing connects from another space, even by address');
    });

    test('heroku run -x curls an internal app of the same space through its internal router: 200, exit 0; from another space it cannot connect', async (t) => {
      if (cli.unavailable !== undefined) return t.skip(cli.unavailable);
      await lab.waitFor('secret web.1 up', () => cove.upDynos('secret', 1), 60_000);
      const same = succeeded(await cli.run(['run', '-x', 'curl -sI --max-time 10 http://secret.apps.test/', '-a', 'shell']));
      // curl bolds header names on the dyno's terminal.
      const headers = same.stdout.replace(/\x1B\[[0-9;]*m/g, '');
      assert.match(headers, /^HTTP\/1\.1 200/m);
      assert.match(headers, /^via: 1\.1 cove/im);
      const other = await cli.run(['run', '-x', 'curl -sI --max-time 5 -H "Host: secret.apps.test" http://10.0.0.10/', '-a', 'outsider']);
      assert.notEqual(other.code, 0, `another space reached the internal router: ${other.stdout}`);
      assert.doesNotMatch(other.stdout, /HTTP\/1\.1/);
    });

    test('heroku run bash on a terminal: an interactive shell where Ctrl-C interrupts the command, then its exit status', async (t) => {
      if (cli.unavailable !== undefined) return t.skip(cli.unavailable);
      const result = await cli.run(['run', 'bash', '-a', 'shell'], {
        interact: async (output, type) => {
          const see = (pattern: RegExp) => lab.waitFor(String(pattern), async () => pattern.test(output()), 30_000);
          await see(/\$ $/m);
          // Typed as `ar""med`, printed as `armed`: the echo of the keys does not match.
          type('echo "tty=$(tty >/dev/null && echo yes) cols=$COLUMNS"; echo ar""med; sleep 1000\r');
          await see(/^armed\r$/m);
          type('\u0003');
          type('echo after-$((40 + 2))\r');
          await see(/^after-42\r$/m);
          type('exit 7\r');
        },
      });
      assert.equal(result.code, 7, result.stdout + result.stderr);
      assert.match(result.stdout, /tty=yes cols=\d+/);
    });

    test('heroku run:detached writes to the log; ps lists one-off dynos and ps:stop ends them', async (t) => {
      if (cli.unavailable !== undefined) return t.skip(cli.unavailable);
      const detached = succeeded(await cli.run(['run:detached', 'echo "detached says hi"', '-a', 'shell']));
      const name = /run\.\d{4}/.exec(detached.stdout + detached.stderr)?.[0];
      assert.ok(name, detached.stdout + detached.stderr);
      await lab.waitFor('detached output in the log', async () => (await logLines('shell')).includes(`app[${name}]: detached says hi`), 30_000);
      await lab.waitFor('the ended one-off is gone', async () => (await oneOffs('shell')).every((d) => d.name !== name), 30_000);

      const sleeper = succeeded(await cli.run(['run:detached', 'sleep 1000', '-a', 'shell']));
      const sleeping = /run\.\d{4}/.exec(sleeper.stdout + sleeper.stderr)?.[0] ?? '';
      await lab.waitFor('listed up', async () => (await oneOffs('shell')).some((d) => d.name === sleeping && d.state === 'up'), 30_000);
      assert.match(succeeded(await cli.run(['ps', '-a', 'shell'])).stdout, new RegExp(`${sleeping.replace('.', '\\.')} \\(Private-S\\): up`));
      assert.match(succeeded(await cli.run(['spaces:ps', '--space', 'prod'])).stdout, new RegExp(sleeping.replace('.', '\\.')));
      succeeded(await cli.run(['ps:stop', sleeping, '-a', 'shell']));
      await lab.waitFor('stopped', async () => (await oneOffs('shell')).every((d) => d.name !== sleeping), 60_000);
      // The server writes its log buffer to the file within a second (LogLines).
      await lab.waitFor('the stop in the log', async () => (await logLines('shell')).includes(`heroku[${sleeping}]: Stopping all processes with SIGTERM`), 5_000);
    });

    test('cove run exits with the command status and streams stdin; cove run:detached logs', async () => {
      const cove_ = await coveFor(cove.apiUrl, cove.token);
      try {
        const env = { NODE_EXTRA_CA_CERTS: join(cove.dataDir, 'tls', 'ca.crt') };
        const three = await cove_(['run', '-a', 'shell', '--', 'echo "on $DYNO"; exit 3'], { env });
        assert.equal(three.code, 3, three.stderr);
        assert.match(three.stdout, /^on run\.\d{4}\n$/);
        const piped = await cove_(['run', '-a', 'shell', '--', 'tr a-z A-Z'], { env, input: 'quiet words\n' });
        assert.equal(piped.code, 0, piped.stderr);
        assert.equal(piped.stdout, 'QUIET WORDS\n');
        const reach = await cove_(['run', '-a', 'shell', '--', 'curl -s -o /dev/null -w "%{http_code}" http://web.api.app.localspace:5000/'], { env });
        assert.equal(reach.stdout, '200', reach.stderr);
        const detached = await cove_(['run:detached', '-a', 'shell', '--', 'echo "cove detached"'], { env });
        assert.equal(detached.code, 0, detached.stderr);
        const name = detached.stdout.trim();
        assert.match(name, /^run\.\d{4}$/);
        await lab.waitFor('detached output in the log', async () => (await logLines('shell')).includes(`app[${name}]: cove detached`), 30_000);
      } finally {
        await cove_.cleanup();
      }
    });

    test('a one-off dyno ends at its time_to_live', async () => {
      const dyno = await cove.api('POST', '/apps/shell/dynos', { command: 'sleep 1000', attach: false, time_to_live: 2 });
      assert.equal(dyno.attach_url, null);
      await lab.waitFor('up', async () => (await oneOffs('shell')).some((d) => d.name === dyno.name && d.state === 'up'), 30_000);
      await lab.waitFor('ended', async () => (await oneOffs('shell')).every((d) => d.name !== dyno.name), 60_000);
    });

    test('a rendezvous client with a tty resizes the terminal and interrupts with Ctrl-C', async () => {
      const command = [
        'trap \'echo "winch $(stty size)"; w=1\' WINCH',
        'echo "size $(stty size)"',
        'w=0; while [ $w = 0 ]; do sleep 0.05; done',
        'bash -c \'trap "echo interrupted; kill \\$!" INT; sleep 1000 & echo armed; wait\'',
        'exit 6',
      ].join('\n');
      const dyno = await cove.api('POST', '/apps/shell/dynos', { command, attach: true, env: { TERM: 'xterm', COLUMNS: 90, LINES: 20 } });
      const url = new URL(dyno.attach_url);
      assert.equal(url.protocol, 'rendezvous:');
      const ca = await readFile(join(cove.dataDir, 'tls', 'ca.crt'), 'utf8');
      const socket = connect({ host: url.hostname, port: Number(url.port), ca, servername: url.hostname === '127.0.0.1' ? undefined : url.hostname });
      let received = '';
      socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
      const closed = new Promise((resolve) => socket.once('close', resolve));
      await new Promise((resolve) => socket.once('secureConnect', resolve));
      socket.write(`${url.pathname.slice(1)}?frames=1\r\n`);
      const see = (what: string) => lab.waitFor(what, async () => received.includes(what), 30_000).catch(() => assert.fail(`no "${what}" in ${JSON.stringify(received)}`));
      await see('rendezvous\r\n');
      await see('size 20 90');
      const size = Buffer.alloc(4);
      size.writeUInt16BE(132, 0);
      size.writeUInt16BE(43, 2);
      socket.write(encodeFrame(FRAME.resize, size));
      await see('winch 43 132');
      await see('armed');
      socket.write(encodeFrame(FRAME.data, Buffer.from([0x03])));
      await see('interrupted');
      await closed;
      assert.match(received, /\uFFFF heroku-command-exit-status: 6\n$/);
      // The secret was spent.
      const again = connect({ host: url.hostname, port: Number(url.port), ca });
      let second = '';
      again.on('data', (chunk: Buffer) => (second += chunk.toString('utf8')));
      again.once('secureConnect', () => again.write(`${url.pathname.slice(1)}\r\n`));
      await new Promise((resolve) => again.once('close', resolve));
      assert.equal(second, 'rendezvous\r\n');
    });
  });
}
