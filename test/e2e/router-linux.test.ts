/**
 * The router end to end: a whole `cove server` (linux runtime, HAProxy router) inside this
 * file's unshare sandbox, with clients in the simulated internet and in dynos. Public apps
 * answer on the public listener with Heroku's headers and log lines; internal apps only on
 * their space's internal router address; trusted IP ranges apply within 1 s; H10, H12, H13
 * and H14 are reported as Heroku does; scaling and restarts under load drop no request.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { CoveServer } from '../support/cove-server.js';
import { ROUTER_APP } from '../support/router-app.js';
import { enterSandbox } from '../support/sandbox.js';
import type { LoadResult } from '../linux/lab.js';

const run = promisify(execFile);
const inSandbox = enterSandbox(import.meta.url);
const PUBLIC = '203.0.113.1';

/** Runs in the internet netns: one HTTP request, printed as JSON. */
const CLIENT = `
const http = require('http');
const [host, port, hostHeader, path, rid] = process.argv.slice(1);
const headers = { host: hostHeader };
if (rid) headers['x-request-id'] = rid;
const q = http.get({ host, port: Number(port), path, headers, timeout: 5000 }, (r) => {
  let d = ''; r.on('data', (c) => d += c);
  r.on('end', () => console.log(JSON.stringify({ status: r.statusCode, headers: r.headers, body: d })));
});
q.on('timeout', () => q.destroy(new Error('timeout')));
q.on('error', (e) => console.log(JSON.stringify({ error: e.code || e.message })));
`;

/**
 * Runs in the internet netns: two requests on one kept-alive connection pool, `pauseMs` apart
 * (longer than a dyno keeps an idle connection), printed as JSON statuses.
 */
const RETURNING_CLIENT = `
const http = require('http');
const [host, hostHeader, pauseMs] = process.argv.slice(1);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const get = () => new Promise((resolve) => http.get({ host, port: 80, path: '/', headers: { host: hostHeader }, agent, timeout: 5000 }, (r) => {
  r.resume(); r.on('end', () => resolve(r.statusCode));
}).on('error', (e) => resolve(e.code || e.message)));
(async () => {
  const first = await get();
  await new Promise((r) => setTimeout(r, Number(pauseMs)));
  console.log(JSON.stringify([first, await get()]));
  agent.destroy();
})();
`;

/** Runs in the internet netns: one HTTPS request with SNI, printed as JSON with the served certificate's names. */
const TLS_CLIENT = `
const https = require('https'), fs = require('fs');
const [host, servername, caFile, path] = process.argv.slice(1);
const q = https.get({ host, port: 443, servername, path, headers: { host: servername }, ca: fs.readFileSync(caFile), timeout: 5000, agent: false }, (r) => {
  const cert = r.socket.getPeerCertificate().subjectaltname;
  let d = ''; r.on('data', (c) => d += c);
  r.on('end', () => console.log(JSON.stringify({ status: r.statusCode, body: d, cert })));
});
q.on('timeout', () => q.destroy(new Error('timeout')));
q.on('error', (e) => console.log(JSON.stringify({ error: e.code || e.message })));
`;

/**
 * Runs in the internet netns: opens a WebSocket-style upgrade, stays silent for idleMs, then
 * sends "ping"; prints the upgrade's status and what came back (or that the router closed it).
 */
const UPGRADE_CLIENT = `
const net = require('net');
const [host, port, hostHeader, idleMs] = process.argv.slice(1);
const c = net.connect(Number(port), host, () => c.write('GET /ws HTTP/1.1\\r\\nHost: ' + hostHeader + '\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Version: 13\\r\\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\\r\\n\\r\\n'));
let text = '', status, done = false;
c.setEncoding('utf8');
c.on('data', (d) => {
  text += d;
  if (status === undefined && text.includes('\\r\\n\\r\\n')) {
    status = Number(text.split(' ')[1]);
    text = '';
    setTimeout(() => c.write('ping'), Number(idleMs));
  } else if (status !== undefined && text === 'ping') {
    done = true;
    console.log(JSON.stringify({ status, echo: text }));
    c.destroy();
  }
});
c.on('close', () => { if (!done) console.log(JSON.stringify({ status, closed: true })); });
c.on('error', () => undefined);
`;

/**
 * Sends GET `path` on a connection of its own and prints what came back before the connection
 * closed; with `leaveMs`, it goes away itself after that long.
 */
const RAW_CLIENT = `
const net = require('net');
const [host, port, hostHeader, path, leaveMs] = process.argv.slice(1);
let text = '';
const c = net.connect(Number(port), host, () => c.write('GET ' + path + ' HTTP/1.1\\r\\nHost: ' + hostHeader + '\\r\\n\\r\\n'));
c.setEncoding('utf8');
c.on('data', (d) => text += d);
c.on('error', () => undefined);
c.on('close', () => console.log(JSON.stringify({ text })));
if (leaveMs) setTimeout(() => c.destroy(), Number(leaveMs));
`;

interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  error?: string;
}

if (!inSandbox) {
  describe('the router with the linux runtime', { skip: 'needs root' }, () => undefined);
} else {
  const lab = await import('../linux/lab.js');
  const cove = new CoveServer({ tag: 'router' });
  let internet: { stop(): void } | undefined;
  let db: Database.Database | undefined;

  const api = (method: string, path: string, body?: unknown): Promise<any> => cove.api(method, path, body);
  const fromInternet = async (hostHeader: string, path = '/', rid = '', host = PUBLIC, port = 80): Promise<Reply> => {
    const out = await lab.sh('ip', ['netns', 'exec', 'inet', process.execPath, '-e', CLIENT, host, String(port), hostHeader, path, rid]);
    return JSON.parse(out.trim()) as Reply;
  };
  type Dyno = { id: string; name: string; state: string; extended: { ip: string } };
  const dynos = async (app: string): Promise<Dyno[]> => (await api('GET', `/apps/${app}/dynos`)) as Dyno[];
  const upCount = (app: string, n: number) => async () => {
    const list = await dynos(app);
    return list.length === n && list.every((d) => d.state === 'up') ? list : undefined;
  };
  const spaceShortId = (name: string): string =>
    lab.spaceShortIdOf((db?.prepare('SELECT id FROM spaces WHERE name = ?').get(name) as { id: string }).id);
  /** The app's router lines in the server's store file (written within a second: LogLines). */
  const routerLines = (app: string): string[] =>
    (db?.prepare(`SELECT l.message FROM log_lines l JOIN apps a ON a.id = l.app_id WHERE a.name = ? AND l.dyno = 'router' ORDER BY l.seq`).all(app) as { message: string }[]).map((r) => r.message);
  /** Asks a dyno of `app` (through its space) to GET host:port with a Host header. */
  const fromDyno = async (space: string, app: string, target: string, port: number, hostHeader: string): Promise<{ status?: number; body?: string; error?: string }> => {
    const [dyno] = await dynos(app);
    assert.ok(dyno);
    const script = `require('http').get({ host: '${dyno.extended.ip}', port: 5000, path: '/get?${target},${port},${hostHeader}', timeout: 5000 }, (r) => { let d = ''; r.on('data', (c) => d += c); r.on('end', () => console.log(d)); })`;
    const out = await lab.sh('ip', ['netns', 'exec', lab.spaceNetns(spaceShortId(space)), process.execPath, '-e', script]);
    return JSON.parse(out.trim()) as { status?: number; body?: string; error?: string };
  };
  const deploy = async (app: string, command = 'node router-app.js'): Promise<void> => {
    const slug = await api('POST', `/apps/${app}/slugs`, { process_types: { web: command } });
    const put = await fetch(slug.blob.url, { method: 'PUT', body: await readFile(await lab.makeSlug({ 'router-app.js': ROUTER_APP })) });
    assert.equal(put.status, 200);
    await api('POST', `/apps/${app}/releases`, { slug: slug.id });
  };

  before(async () => {
    internet = await lab.makeInternet();
    await cove.start(['--http', '0.0.0.0:80', '--https', '0.0.0.0:443', '--router-timeout', '3000', '--metrics', '127.0.0.1:9100']);
    db = new Database(join(cove.dataDir, 'cove.db'), { readonly: true });

    await api('POST', '/teams', { name: 'acme' });
    await api('POST', '/spaces', { name: 'prod', team: 'acme' });
    await api('POST', '/spaces', { name: 'other', team: 'acme', cidr: '10.1.0.0/16' });
    for (const s of ['prod', 'other']) {
      await lab.waitFor(`${s} allocated`, async () => ((await api('GET', `/spaces/${s}`)).state === 'allocated' ? true : undefined), 30_000);
    }
    await api('POST', '/teams/apps', { name: 'pub', space: 'prod' });
    await api('POST', '/teams/apps', { name: 'int', space: 'prod', internal_routing: true });
    await api('POST', '/teams/apps', { name: 'idle', space: 'prod' });
    await api('POST', '/teams/apps', { name: 'crashy', space: 'prod' });
    await api('POST', '/teams/apps', { name: 'far', space: 'other' });
    for (const app of ['pub', 'int', 'far']) await deploy(app);
    await deploy('crashy', 'node -e "process.exit(1)"');
    await api('PATCH', '/apps/pub/formation', { updates: [{ type: 'web', quantity: 2 }] });
    await api('PATCH', '/apps/crashy/formation', { updates: [{ type: 'web', quantity: 1 }] });
    await lab.waitFor('pub up', upCount('pub', 2), 60_000);
    await lab.waitFor('int up', upCount('int', 1), 60_000);
    await lab.waitFor('far up', upCount('far', 1), 60_000);
  });
  after(async () => {
    db?.close();
    await cove.destroy();
    internet?.stop();
  });

  describe('the router with the linux runtime', () => {
    test('internet → public app: 200 with Heroku headers, balanced over the up web dynos, one router log line each', async () => {
      const reply = await lab.waitFor('routed', async () => {
        const r = await fromInternet('pub.apps.test');
        return r.status === 200 ? r : undefined;
      });
      const seen = JSON.parse(reply.body ?? '{}') as { dyno: string; headers: Record<string, string> };
      assert.equal(seen.headers['x-forwarded-for'], lab.INTERNET_HOST);
      assert.equal(seen.headers['x-forwarded-proto'], 'http');
      assert.equal(seen.headers['x-forwarded-port'], '80');
      assert.match(seen.headers['x-request-id'] ?? '', /^[0-9a-f-]{36}$/);
      assert.equal(reply.headers?.['x-request-id'], seen.headers['x-request-id']);
      assert.match(seen.headers['x-request-start'] ?? '', /^\d{13}$/);
      assert.equal(seen.headers['via'], '1.1 cove');

      const rid = 'client-chosen-request-id-0001';
      const kept = await fromInternet('pub.apps.test', '/', rid);
      assert.equal(kept.headers?.['x-request-id'], rid);
      assert.equal((JSON.parse(kept.body ?? '{}') as { headers: Record<string, string> }).headers['x-request-id'], rid);
      const replaced = await fromInternet('pub.apps.test', '/', 'bad id!');
      assert.notEqual(replaced.headers?.['x-request-id'], 'bad id!');

      const served = new Set<string>();
      for (let i = 0; i < 6; i++) served.add((JSON.parse((await fromInternet('pub.apps.test')).body ?? '{}') as { dyno: string }).dyno);
      assert.deepEqual([...served].sort(), ['web.1', 'web.2']);

      const line = await lab.waitFor('log line', async () => routerLines('pub').find((l) => l.includes(`request_id=${rid}`)));
      assert.match(
        line,
        new RegExp(`^at=info method=GET path="/" host=pub\\.apps\\.test request_id=${rid} fwd="203\\.0\\.113\\.100" dyno=web\\.[12] connect=\\d+ms service=\\d+ms status=200 bytes=\\d+ protocol=http$`),
      );
      const metrics = await (await fetch('http://127.0.0.1:9100/metrics')).text();
      assert.match(metrics, /^cove_router_requests_total\{app="pub",status="2xx"\} \d+$/m);
      assert.match(metrics, /^cove_router_request_duration_seconds_bucket\{app="pub",le="\+Inf"\} \d+$/m);
    });

    test('custom domains route to their app over HTTP, added and removed in the serving HAProxy; HTTPS terminates TLS for default domains and SNI certificates', async () => {
      const generation = await cove.routerGeneration();
      const added = await api('POST', '/apps/pub/domains', { hostname: 'www.shop.example' });
      assert.equal(added.kind, 'custom');
      assert.equal(added.cname, 'pub.apps.test');
      const listed = (await api('GET', '/apps/pub/domains')) as { hostname: string; kind: string }[];
      assert.deepEqual(listed.map((d) => [d.hostname, d.kind]), [['pub.apps.test', 'heroku'], ['www.shop.example', 'custom']]);
      await lab.waitFor('custom domain routed', async () => ((await fromInternet('www.shop.example')).status === 200 ? true : undefined), 2000);
      await api('DELETE', '/apps/pub/domains/www.shop.example');
      await lab.waitFor('custom domain gone', async () => ((await fromInternet('www.shop.example')).status === 404 ? true : undefined), 2000);
      await api('POST', '/apps/pub/domains', { hostname: 'www.shop.example' });
      await lab.waitFor('custom domain routed again', async () => ((await fromInternet('www.shop.example')).status === 200 ? true : undefined), 2000);
      assert.equal(await cove.routerGeneration(), generation, 'a domain added or removed changes the serving HAProxy, not starts another');

      const tls = async (servername: string, ca: string): Promise<Reply & { cert?: string }> => {
        const out = await lab.sh('ip', ['netns', 'exec', 'inet', process.execPath, '-e', TLS_CLIENT, PUBLIC, servername, ca, '/']);
        return JSON.parse(out.trim()) as Reply & { cert?: string };
      };
      const viaDefault = await tls('pub.apps.test', join(cove.dataDir, 'tls', 'ca.crt'));
      assert.equal(viaDefault.status, 200, JSON.stringify(viaDefault));
      assert.equal((JSON.parse(viaDefault.body ?? '{}') as { headers: Record<string, string> }).headers['x-forwarded-proto'], 'https');
      assert.equal((JSON.parse(viaDefault.body ?? '{}') as { headers: Record<string, string> }).headers['x-forwarded-port'], '443');

      const certDir = await mkdtemp(join(tmpdir(), 'cove-router-cert-'));
      await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '30', '-subj', '/CN=secure.shop.example',
        '-addext', 'subjectAltName=DNS:secure.shop.example', '-keyout', join(certDir, 'key.pem'), '-out', join(certDir, 'cert.pem')]);
      const endpoint = await api('POST', '/apps/pub/sni-endpoints', {
        certificate_chain: await readFile(join(certDir, 'cert.pem'), 'utf8'),
        private_key: await readFile(join(certDir, 'key.pem'), 'utf8'),
      });
      assert.deepEqual(endpoint.ssl_cert.cert_domains, ['secure.shop.example']);
      assert.equal(endpoint.private_key, undefined);
      await api('POST', '/apps/pub/domains', { hostname: 'secure.shop.example' });
      const viaCustom = await lab.waitFor('SNI certificate served', async () => {
        const r = await tls('secure.shop.example', join(certDir, 'cert.pem'));
        return r.status === 200 ? r : undefined;
      }, 2000);
      assert.equal(viaCustom.cert, 'DNS:secure.shop.example');
      await api('DELETE', `/apps/pub/sni-endpoints/${endpoint.name}`);
      await api('DELETE', '/apps/pub/domains/www.shop.example');
      await lab.waitFor('custom domain gone', async () => ((await fromInternet('www.shop.example')).status === 404 ? true : undefined), 2000);
      await rm(certDir, { recursive: true, force: true });
    });

    test('a dyno reaches public apps on the public router at its transit gateway, seen as its space\'s outbound IP', async () => {
      const reply = await fromDyno('prod', 'int', '100.64.0.1', 80, 'pub.apps.test');
      assert.equal(reply.status, 200, JSON.stringify(reply));
      assert.equal((JSON.parse(reply.body ?? '{}') as { headers: Record<string, string> }).headers['x-forwarded-for'], '203.0.113.10');
      assert.equal((await fromDyno('prod', 'int', '100.64.0.1', 80, 'int.apps.test')).status, 404);
      assert.ok((await fromDyno('prod', 'int', '100.64.0.1', 5000, 'pub.apps.test')).error !== undefined);
    });

    test('unknown hosts get 404 on the public listener, and so does an internal app', async () => {
      assert.equal((await fromInternet('nope.apps.test')).status, 404);
      assert.equal((await fromInternet('int.apps.test')).status, 404);
    });

    test('internal app: 200 from a dyno of its space via the internal router address; nothing from the internet or another space', async () => {
      const vip = '10.0.0.10';
      const same = await fromDyno('prod', 'pub', vip, 80, 'int.apps.test');
      assert.equal(same.status, 200, JSON.stringify(same));
      assert.equal((JSON.parse(same.body ?? '{}') as { dyno: string }).dyno, 'web.1');
      const publicOnInternal = await fromDyno('prod', 'pub', vip, 80, 'pub.apps.test');
      assert.equal(publicOnInternal.status, 404);
      const fromInet = await fromInternet('int.apps.test', '/', '', vip, 80);
      assert.ok(fromInet.error !== undefined, JSON.stringify(fromInet));
      const fromOther = await fromDyno('other', 'far', vip, 80, 'int.apps.test');
      assert.ok(fromOther.error !== undefined, JSON.stringify(fromOther));
    });

    test('trusted IP ranges apply to public traffic within 1 s, are logged, and an empty list blocks everything; an app\'s own ruleset too', async () => {
      const ruleset = async (rules: { action: string; source: string }[]): Promise<void> => {
        await api('PUT', '/spaces/prod/inbound-ruleset', { rules });
      };
      const expect = async (status: number): Promise<void> => {
        await lab.waitFor(`status ${status}`, async () => ((await fromInternet('pub.apps.test')).status === status ? true : undefined), 1000);
      };
      const generation = await cove.routerGeneration();
      await ruleset([{ action: 'allow', source: '198.51.100.0/24' }]);
      await expect(403);
      await ruleset([{ action: 'allow', source: '203.0.113.0/24' }]);
      await expect(200);
      await ruleset([]);
      await expect(403);
      assert.equal(await cove.routerGeneration(), generation, 'trusted IP ranges changed in the serving HAProxy, not by starting another');
      // Internal traffic is not subject to them.
      assert.equal((await fromDyno('prod', 'pub', '10.0.0.10', 80, 'int.apps.test')).status, 200);
      await ruleset([{ action: 'allow', source: '0.0.0.0/0' }]);
      await expect(200);
      await lab.waitFor('blocked request logged', async () => (routerLines('pub').some((l) => /^at=error desc="Source address not in the space's trusted IP ranges" .* status=403 /.test(l)) ? true : undefined));
      // An app's own ruleset applies after the space's.
      await api('PUT', '/apps/pub/inbound-ruleset', { rules: [{ action: 'allow', source: '198.51.100.0/24' }] });
      await expect(403);
      assert.equal((await fromInternet('int.apps.test')).status, 404);
      await api('DELETE', '/apps/pub/inbound-ruleset');
      await expect(200);
      await lab.waitFor('blocked by the app logged', async () => (routerLines('pub').some((l) => l.startsWith(`at=error desc="Source address not in the app's inbound ruleset"`)) ? true : undefined));
    });

    test('H10, H12, H13 and H14 are 503s with Heroku codes in the log', async () => {
      const h14 = await fromInternet('idle.apps.test');
      assert.equal(h14.status, 503);
      assert.match(h14.body ?? '', /Application error/);
      const h12 = await fromInternet('pub.apps.test', '/hang');
      assert.equal(h12.status, 503);
      const h13 = await fromInternet('pub.apps.test', '/close');
      assert.equal(h13.status, 503);
      await lab.waitFor('crashy crashed', async () => ((await dynos('crashy')).some((d) => d.state === 'crashed') ? true : undefined), 30_000);
      await lab.waitFor('H10', async () => ((await fromInternet('crashy.apps.test')).status === 503 && routerLines('crashy').some((l) => l.includes('code=H10')) ? true : undefined));
      await lab.waitFor('log lines', async () =>
        routerLines('pub').some((l) => l.includes('code=H13')) && routerLines('pub').some((l) => l.includes('code=H12')) && routerLines('idle').length > 0 ? true : undefined,
      );
      assert.match(routerLines('idle').at(-1) ?? '', /^at=error code=H14 desc="No web processes running" method=GET path="\/" host=idle\.apps\.test .* dyno= .* status=503 /);
      assert.match(routerLines('pub').find((l) => l.includes('code=H12')) ?? '', /desc="Request timeout" method=GET path="\/hang" .* dyno=web\.[12] .* status=503/);
      assert.match(routerLines('pub').find((l) => l.includes('code=H13')) ?? '', /desc="Connection closed without response" method=GET path="\/close" .* status=503/);
    });

    test('H18 and H27: a dyno cutting its answer short, and a client leaving before the answer', async () => {
      const raw = async (path: string, leaveMs = ''): Promise<string> =>
        (JSON.parse(await lab.sh('ip', ['netns', 'exec', 'inet', process.execPath, '-e', RAW_CLIENT, PUBLIC, '80', 'pub.apps.test', path, leaveMs])) as { text: string }).text;
      const cut = await raw('/cut');
      assert.match(cut, /^HTTP\/1\.1 200 /);
      assert.match(cut, /the first part$/, 'the client got what the dyno sent, then the connection closed');
      assert.equal(await raw('/hang?gone', '500'), '');
      const h18 = await lab.waitFor('H18 logged', async () => routerLines('pub').find((l) => l.includes('path="/cut"')));
      assert.match(h18, /^at=error code=H18 desc="Server Request Interrupted" method=GET path="\/cut" .* dyno=web\.[12] .* status=503 /);
      const h27 = await lab.waitFor('H27 logged', async () => routerLines('pub').find((l) => l.includes('path="/hang?gone"')));
      assert.match(h27, /^at=error code=H27 desc="Client Request Interrupted" method=GET path="\/hang\?gone" .* status=499 /);
    });

    test('router lines: a quote or backslash in the path or X-Forwarded-For cannot end a quoted value early', async () => {
      const forged = 'pub.apps.test\r\nX-Forwarded-For: 198.51.100.7" dyno=forged x="';
      const text = (JSON.parse(await lab.sh('ip', ['netns', 'exec', 'inet', process.execPath, '-e', RAW_CLIENT, PUBLIC, '80', forged, '/q="x\\y"', '1500'])) as { text: string }).text;
      assert.match(text, /^HTTP\/1\.1 200 /);
      const line = await lab.waitFor('quoted line logged', async () => routerLines('pub').find((l) => l.includes('path="/q=')));
      assert.match(
        line,
        /^at=info method=GET path="\/q=\\"x\\\\y\\"" host=pub\.apps\.test request_id=\S+ fwd="198\.51\.100\.7\\" dyno=forged x=\\", 203\.0\.113\.100" dyno=web\.[12] connect=\d+ms service=\d+ms status=200 bytes=\d+ protocol=http$/,
      );
    });

    test('H21: a dyno that is up but refuses connections', async () => {
      assert.equal((await fromInternet('far.apps.test', '/unlisten')).body, 'closing');
      const refused = await fromInternet('far.apps.test', '/after-unlisten');
      assert.equal(refused.status, 503);
      assert.match(refused.body ?? '', /Application error/);
      const h21 = await lab.waitFor('H21 logged', async () => routerLines('far').find((l) => l.includes('path="/after-unlisten"')));
      assert.match(h21, /^at=error code=H21 desc="Backend connection refused" method=GET path="\/after-unlisten" host=far\.apps\.test .* dyno=web\.1 .* status=503 /);
      await lab.waitFor('far listens again', async () => ((await fromInternet('far.apps.test')).status === 200 ? true : undefined), 30_000);
    });

    test('a WebSocket silent for longer than the time to the first byte stays open (Heroku\'s rolling window)', async () => {
      // The router's first-byte timeout here is 3 s; an upgraded connection gets 55 s of silence.
      const out = await lab.sh('ip', ['netns', 'exec', 'inet', process.execPath, '-e', UPGRADE_CLIENT, PUBLIC, '80', 'pub.apps.test', '4000']);
      assert.deepEqual(JSON.parse(out.trim()), { status: 101, echo: 'ping' });
      await lab.waitFor('upgrade logged', async () => (routerLines('pub').some((l) => / path="\/ws" .* status=101 /.test(l)) ? true : undefined));
    });

    test('a client that keeps its connection and comes back after a reload is served by the new HAProxy', async () => {
      const generation = await cove.routerGeneration();
      const client = lab.sh('ip', ['netns', 'exec', 'inet', process.execPath, '-e', RETURNING_CLIENT, PUBLIC, 'pub.apps.test', '8000']);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await api('POST', '/teams/apps', { name: 'later', space: 'prod' }); // a new backend: a new HAProxy process
      await lab.waitFor('reloaded', async () => ((await cove.routerGeneration()) > generation ? true : undefined));
      assert.deepEqual(JSON.parse((await client).trim()), [200, 200]);
    });

    test('scaling 4 → 2 and restarting under steady load from the internet: 0 failed requests, every one logged', async (t) => {
      /** Restarts pub's two web dynos; resolves once two new ones are up. */
      const restartPub = async (): Promise<void> => {
        const old = new Set((await dynos('pub')).map((d) => d.id));
        await api('DELETE', '/apps/pub/dynos');
        await lab.waitFor('restarted', async () => {
          const list = await upCount('pub', 2)();
          return list !== undefined && list.every((d) => !old.has(d.id)) ? true : undefined;
        }, 60_000);
      };
      /** Scales 4 → 2, then restarts, under steady load; returns the load's counts and the failed router lines. */
      const churn = async (): Promise<{ result: LoadResult; failures: string[] }> => {
        await api('PATCH', '/apps/pub/formation', { updates: [{ type: 'web', quantity: 4 }] });
        await lab.waitFor('four up', upCount('pub', 4), 60_000);
        // Only the load asks for /slow: its lines are those, collected as the store file gets
        // them (an app's buffer keeps its last 1,500 lines, fewer than a fast machine's load makes).
        const collected: string[] = [];
        let seen = (db?.prepare('SELECT MAX(seq) AS seq FROM log_lines').get() as { seq: number | null }).seq ?? 0;
        const collect = (): void => {
          const rows = db?.prepare(`SELECT l.seq, l.message FROM log_lines l JOIN apps a ON a.id = l.app_id WHERE a.name = 'pub' AND l.dyno = 'router' AND l.seq > ? ORDER BY l.seq`).all(seen) as { seq: number; message: string }[];
          for (const r of rows) {
            seen = r.seq;
            if (r.message.includes(' path="/slow" ')) collected.push(r.message);
          }
        };
        const collector = setInterval(collect, 200);
        t.after(() => clearInterval(collector));
        const loadLines = (): string[] => {
          collect();
          return collected;
        };
        const load = await lab.steadyLoad('inet', PUBLIC, 'pub.apps.test', { concurrency: 16, path: '/slow' });
        await lab.waitFor('requests flowing', async () => (loadLines().length > 50 ? true : undefined));
        await api('PATCH', '/apps/pub/formation', { updates: [{ type: 'web', quantity: 2 }] });
        await lab.waitFor('two left', upCount('pub', 2), 60_000);
        await restartPub();
        const result = await load.stop();
        // One router line per request, also for requests an old HAProxy process finished after a reload.
        const served = (): number => loadLines().filter((l) => l.includes('status=200')).length;
        await lab.waitFor('every request logged', async () => (served() >= result.ok ? true : undefined), 5_000).catch(() => undefined);
        assert.equal(served(), result.ok, 'router lines with status=200 vs requests the load got 200 for');
        clearInterval(collector);
        // Dynos that joined the serving process at run time are named in its lines too (the dyno map).
        assert.deepEqual(loadLines().filter((l) => !/ dyno=web\.\d+ /.test(l)), [], 'router lines without their dyno');
        return { result, failures: loadLines().filter((l) => !l.includes('status=200')) };
      };
      // Dyno churn changes the serving HAProxy process at run time: no new process, whose
      // predecessor could not open connections into the space while it finishes.
      await api('PATCH', '/apps/pub/formation', { updates: [{ type: 'web', quantity: 4 }] });
      await lab.waitFor('four up', upCount('pub', 4), 60_000);
      const before = await cove.routerGeneration();
      const { result, failures } = await churn();
      assert.equal(await cove.routerGeneration(), before, 'the churn started a new HAProxy process');
      assert.ok(result.ok > 100, JSON.stringify(result));
      assert.equal(result.failed, 0, `${JSON.stringify(result)}\n${failures.join('\n')}`);
      // A process has room for twice its dynos; restarts reuse the slots dynos left.
      for (let i = 0; i < 3; i++) await restartPub();
      assert.equal(await cove.routerGeneration(), before, 'restarts used up the slots of the serving HAProxy');
    });
  });
}
