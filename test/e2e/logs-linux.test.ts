/**
 * Logs of a running app end to end with the linux runtime, inside this file's own unshare
 * sandbox: a `cove server` runs an app in a space whose dyno output (`app[web.1]`) and state
 * changes (`heroku[web.1]`) reach a TCP syslog drain of the app and an HTTPS drain of the space
 * (both receivers on the sandbox's loopback) within 1 s of being logged, and show in a log
 * session with the API lines.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { issueCertificate } from '@cove/platform';
import { httpsReceiver, syslogReceiver, type HttpsReceiver, type Receiver, type SyslogMessage } from '../support/drain-receivers.js';
import { CoveServer } from '../support/cove-server.js';
import { enterSandbox } from '../support/sandbox.js';
import { openSse } from '../support/sse.js';

const inSandbox = enterSandbox(import.meta.url);

/** A process that prints the time it writes each line, five times. */
const TICKER = `let n = 0; const t = setInterval(() => { console.log('tick ' + Date.now() + ' ' + ++n); if (n === 5) clearInterval(t); }, 300);
setInterval(() => {}, 60000);
`;

/** How long after it was logged (its syslog TIMESTAMP) a message reached the receiver. */
function latencyMs(m: SyslogMessage): number {
  return m.receivedAt - Date.parse(m.time.replace(/(\.\d{3})\d{3}/, '$1'));
}

if (!inSandbox) {
  describe('logs with the linux runtime', { skip: 'needs root' }, () => undefined);
} else {
  const lab = await import('../linux/lab.js');
  const cove = new CoveServer({ tag: 'e2e-logs' });
  const api = (method: string, path: string, body?: unknown): Promise<any> => cove.api(method, path, body);
  let internet: { stop(): void } | undefined;
  let syslog: Receiver | undefined;
  let https: HttpsReceiver | undefined;

  before(async () => {
    internet = await lab.makeInternet();
    await cove.start();
    syslog = await syslogReceiver();
    https = await httpsReceiver(await issueCertificate(join(cove.dataDir, 'tls'), 'space-drain', ['localhost']));
  });
  after(async () => {
    await cove.destroy();
    await syslog?.close();
    await https?.close();
    internet?.stop();
  });

  describe('logs with the linux runtime', () => {
    test("a running app's output and state changes reach its syslog drain and the space's HTTPS drain within 1 s", async (t) => {
      assert.ok(syslog !== undefined && https !== undefined);
      await api('POST', '/teams', { name: 'acme' });
      await api('POST', '/spaces', { name: 'prod', team: 'acme' });
      await lab.waitFor('allocated', async () => (await api('GET', '/spaces/prod')).state === 'allocated');
      await api('PUT', '/spaces/prod/log-drain', { url: `https://localhost:${https.port}/drain` });
      await api('POST', '/teams/apps', { name: 'web-app', space: 'prod' });
      const drain = await api('POST', '/apps/web-app/log-drains', { url: `syslog://127.0.0.1:${syslog.port}` });
      const slug = await api('POST', '/apps/web-app/slugs', { process_types: { web: 'node app.js', ticker: 'node ticker.js' } });
      assert.equal((await fetch(slug.blob.url, { method: 'PUT', body: await readFile(await lab.makeSlug({ 'ticker.js': TICKER })) })).status, 200);
      await api('POST', '/apps/web-app/releases', { slug: slug.id });
      await api('PATCH', '/apps/web-app/formation', { updates: [{ type: 'ticker', quantity: 1 }] });

      for (const receiver of [syslog, https]) {
        const booted = await receiver.waitFor((m) => m.procId === 'web.1' && m.appName === 'app' && m.message === 'booted web.1', 'app[web.1] output', 30_000);
        const up = await receiver.waitFor((m) => m.procId === 'web.1' && m.appName === 'heroku' && m.message === 'State changed from starting to up', 'heroku[web.1] up', 30_000);
        for (const m of [booted, up]) {
          const ms = latencyMs(m);
          assert.ok(ms <= 1000, `${m.raw.trim()} arrived ${ms} ms after it was logged`);
        }
      }
      // From the dyno's own write (it prints the time) to the receiver, through the dyno's output,
      // the store and the forwarder process.
      for (const receiver of [syslog, https]) {
        await receiver.waitFor((m) => m.procId === 'ticker.1' && /^tick \d+ 5$/.test(m.message), 'five ticks', 30_000);
        const ticks = receiver.messages.filter((m) => m.procId === 'ticker.1' && m.message.startsWith('tick '));
        const latencies = ticks.map((m) => m.receivedAt - Number(m.message.split(' ')[1]));
        t.diagnostic(`${receiver === syslog ? 'syslog' : 'https'} drain: dyno write → receiver ${latencies.join(', ')} ms`);
        for (const [i, ms] of latencies.entries()) assert.ok(ms <= 1000, `"${ticks[i]?.message}" reached the drain ${ms} ms after the dyno wrote it`);
      }
      assert.equal(syslog.messages.find((m) => m.message === 'booted web.1')?.hostname, drain.token);
      assert.equal(https.messages.find((m) => m.message === 'booted web.1')?.hostname, 'web-app');

      const session = await api('POST', '/apps/web-app/log-sessions', { lines: 1500 });
      const stream = await openSse(session.logplex_url);
      await stream.ended;
      const text = stream.events.map((e) => e.data).join('\n');
      assert.match(text, / app\[web\.1\]: booted web\.1$/m);
      assert.match(text, / heroku\[web\.1\]: State changed from starting to up$/m);
      assert.match(text, / app\[api\]: Release v2 created by user admin@cove\.local$/m);
    });
  });
}
