/**
 * HTTPS on internal routes end to end: a whole `cove server` (linux runtime, HAProxy router)
 * inside this file's unshare sandbox. A dyno of the space calls an internal app over HTTPS on
 * the space's internal router address, port 443, by the app's default domain (Cove's
 * certificate, verified against Cove's CA) and by a custom domain with its own SNI certificate,
 * both resolved by the space's DNS; the app sees Heroku's HTTPS headers and its log gets
 * `protocol=https` router lines, H-codes and caller-list refusals as over HTTP. From the
 * internet, and from another space, the internal address cannot be reached on 443 as on 80.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { CoveServer, type ApiDyno } from '../support/cove-server.js';
import { ROUTER_APP } from '../support/router-app.js';
import { enterSandbox } from '../support/sandbox.js';

const run = promisify(execFile);
const inSandbox = enterSandbox(import.meta.url);
const VIP = '10.0.0.10';
const OTHER_VIP = '10.1.0.10';
const CUSTOM = 'ledger.corp.example';

/**
 * `node tls-call.js HOST SERVERNAME CA [PATH] [REQUEST-ID]`: one HTTPS request to HOST (a name
 * goes through the system resolver) on port 443 with SNI and Host SERVERNAME, verified against
 * the CA file (or not at all for "-"); prints JSON: status, body, the served certificate's
 * names and the address connected to, or the error.
 */
const TLS_CALL = `
const https = require('https'), fs = require('fs');
const [host, servername, ca, path, rid] = process.argv.slice(2);
const headers = { host: servername };
if (rid) headers['x-request-id'] = rid;
const options = { host, port: 443, servername, path: path || '/', headers, timeout: 5000, agent: false };
if (ca === '-') options.rejectUnauthorized = false;
else options.ca = fs.readFileSync(ca);
const q = https.get(options, (r) => {
  const cert = r.socket.getPeerCertificate().subjectaltname;
  const address = r.socket.remoteAddress;
  let d = ''; r.on('data', (c) => d += c);
  r.on('end', () => console.log(JSON.stringify({ status: r.statusCode, body: d, cert, address })));
});
q.on('timeout', () => q.destroy(new Error('timeout')));
q.on('error', (e) => console.log(JSON.stringify({ error: e.code || e.message })));
`;

/** `node resolve.js NAME`: the name's A records from the system's resolv.conf; "ok a,b" or "fail CODE". */
const RESOLVE = `
const r = new (require('dns').promises.Resolver)({ timeout: 1500, tries: 1 });
r.resolve4(process.argv[2]).then((a) => console.log('ok ' + a.sort().join(',')), (e) => console.log('fail ' + e.code));
`;

interface Reply {
  status?: number;
  body?: string;
  cert?: string;
  address?: string;
  error?: string;
}

if (!inSandbox) {
  describe('HTTPS on internal routes', { skip: 'needs root' }, () => undefined);
} else {
  const lab = await import('../linux/lab.js');
  const cove = new CoveServer({ tag: 'inttls' });
  let internet: { stop(): void } | undefined;
  let db: Database.Database | undefined;
  let dir = '';

  const api = (method: string, path: string, body?: unknown): Promise<any> => cove.api(method, path, body);
  const shortIdOf = (space: string): string => lab.spaceShortIdOf((db?.prepare('SELECT id FROM spaces WHERE name = ?').get(space) as { id: string }).id);
  const web1 = async (app: string): Promise<ApiDyno> => {
    const dyno = ((await api('GET', `/apps/${app}/dynos`)) as ApiDyno[]).find((d) => d.name === 'web.1');
    assert.ok(dyno, `${app} web.1`);
    return dyno;
  };
  /** Runs `command` in web.1 of `app` (in `space`); its output. */
  const inDyno = async (space: string, app: string, command: string): Promise<string> => {
    const out = await lab.inDyno(shortIdOf(space), (await web1(app)).extended.ip, command);
    assert.equal(out.code, 0, JSON.stringify(out));
    return out.stdout.trim();
  };
  /** One HTTPS request from web.1 of `app` (see TLS_CALL); the CA file is in the slug. */
  const tlsFromDyno = async (space: string, app: string, host: string, servername: string, ca: string, path = '/', rid = ''): Promise<Reply> =>
    JSON.parse(await inDyno(space, app, `node tls-call.js ${host} ${servername} ${ca} '${path}' ${rid}`)) as Reply;
  /** The same request from the simulated internet. */
  const tlsFromInternet = async (host: string, servername: string, ca: string): Promise<Reply> =>
    JSON.parse(await lab.sh('ip', ['netns', 'exec', 'inet', process.execPath, join(dir, 'tls-call.js'), host, servername, ca])) as Reply;
  const routerLines = (app: string): string[] =>
    (db?.prepare(`SELECT l.message FROM log_lines l JOIN apps a ON a.id = l.app_id WHERE a.name = ? AND l.dyno = 'router' ORDER BY l.seq`).all(app) as { message: string }[]).map((r) => r.message);
  const seenHeaders = (reply: Reply): Record<string, string> => (JSON.parse(reply.body ?? '{}') as { headers: Record<string, string> }).headers;

  before(async () => {
    internet = await lab.makeInternet();
    await cove.start(['--http', '0.0.0.0:80', '--https', '0.0.0.0:443']);
    db = new Database(join(cove.dataDir, 'cove.db'), { readonly: true });
    dir = await mkdtemp(join(tmpdir(), 'cove-inttls-'));
    await writeFile(join(dir, 'tls-call.js'), TLS_CALL);
    await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '30', '-subj', `/CN=${CUSTOM}`,
      '-addext', `subjectAltName=DNS:${CUSTOM}`, '-keyout', join(dir, 'custom.key'), '-out', join(dir, 'custom.crt')]);
    const slug = await lab.makeSlug({
      'router-app.js': ROUTER_APP,
      'tls-call.js': TLS_CALL,
      'resolve.js': RESOLVE,
      'ca.crt': await readFile(join(cove.dataDir, 'tls', 'ca.crt'), 'utf8'),
      'custom.crt': await readFile(join(dir, 'custom.crt'), 'utf8'),
    });

    await api('POST', '/teams', { name: 'acme' });
    await api('POST', '/spaces', { name: 'prod', team: 'acme' });
    await api('POST', '/spaces', { name: 'other', team: 'acme', cidr: '10.1.0.0/16' });
    for (const s of ['prod', 'other']) {
      await lab.waitFor(`${s} allocated`, async () => ((await api('GET', `/spaces/${s}`)).state === 'allocated' ? true : undefined), 30_000);
    }
    await cove.deploySlug('ledger', slug, { space: 'prod', internalRouting: true, processTypes: { web: 'node router-app.js' } });
    await cove.deploySlug('caller', slug, { space: 'prod' });
    await cove.deploySlug('far', slug, { space: 'other' });
    for (const app of ['ledger', 'caller', 'far']) await lab.waitFor(`${app} up`, () => cove.upDynos(app, 1), 60_000);
  });
  after(async () => {
    db?.close();
    await cove.destroy();
    internet?.stop();
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  describe('HTTPS on internal routes', () => {
    test('a dyno of the space gets the internal app by its default domain over HTTPS, verified against Cove\'s CA, with HTTPS headers and a protocol=https line', async () => {
      const rid = 'internal-tls-default-0001';
      const reply = await lab.waitFor('served over HTTPS', async () => {
        const r = await tlsFromDyno('prod', 'caller', 'ledger.apps.test', 'ledger.apps.test', 'ca.crt', '/', rid);
        return r.status === 200 ? r : undefined;
      }, 10_000);
      // The space's DNS answers the internal router address for the default domain.
      assert.equal(reply.address, VIP);
      assert.match(reply.cert ?? '', /DNS:\*\.apps\.test/);
      const headers = seenHeaders(reply);
      assert.equal(headers['x-forwarded-proto'], 'https');
      assert.equal(headers['x-forwarded-port'], '443');
      assert.equal(headers['x-forwarded-for'], (await web1('caller')).extended.ip);
      assert.equal(headers['x-request-id'], rid);
      assert.equal(headers['via'], '1.1 cove');
      const line = await lab.waitFor('router line', async () => routerLines('ledger').find((l) => l.includes(`request_id=${rid}`)));
      assert.match(line, new RegExp(`^at=info method=GET path="/" host=ledger\\.apps\\.test request_id=${rid} fwd="[0-9.]+" dyno=web\\.1 connect=\\d+ms service=\\d+ms status=200 bytes=\\d+ protocol=https$`));
      // HTTP on port 80 still serves, and logs protocol=http.
      const plain = JSON.parse(await inDyno('prod', 'caller', `node -e "require('http').get({ host: '${VIP}', agent: false, headers: { host: 'ledger.apps.test', 'x-request-id': 'internal-plain-http-0001' } }, (r) => { r.resume(); console.log(r.statusCode); })"`)) as number;
      assert.equal(plain, 200);
      assert.match(await lab.waitFor('http line', async () => routerLines('ledger').find((l) => l.includes('request_id=internal-plain-http-0001'))), / protocol=http$/);
      // A public app is not served on the internal listener, nor the internal app on the public one.
      assert.equal((await tlsFromDyno('prod', 'caller', VIP, 'caller.apps.test', 'ca.crt')).status, 404);
      assert.equal((await tlsFromInternet(lab.HOST_PUBLIC_IP, 'ledger.apps.test', join(cove.dataDir, 'tls', 'ca.crt'))).status, 404);
    });

    test('a custom domain of the internal app resolves in the space to the internal router address and is served with its SNI certificate; no other listener serves that certificate', async () => {
      const domain = await api('POST', '/apps/ledger/domains', { hostname: CUSTOM, sni_endpoint: null });
      assert.equal(domain.cname, VIP);
      await api('POST', '/apps/ledger/sni-endpoints', {
        certificate_chain: await readFile(join(dir, 'custom.crt'), 'utf8'),
        private_key: await readFile(join(dir, 'custom.key'), 'utf8'),
      });
      assert.equal(await lab.waitFor('custom domain in the space DNS', async () => {
        const answer = await inDyno('prod', 'caller', `node resolve.js ${CUSTOM}`);
        return answer === `ok ${VIP}` ? answer : undefined;
      }, 10_000), `ok ${VIP}`);
      const rid = 'internal-tls-custom-0001';
      const reply = await lab.waitFor('SNI certificate served', async () => {
        const r = await tlsFromDyno('prod', 'caller', CUSTOM, CUSTOM, 'custom.crt', '/', rid);
        return r.status === 200 ? r : undefined;
      }, 10_000);
      assert.equal(reply.cert, `DNS:${CUSTOM}`);
      assert.equal(reply.address, VIP);
      assert.equal(seenHeaders(reply)['x-forwarded-proto'], 'https');
      assert.match(await lab.waitFor('router line', async () => routerLines('ledger').find((l) => l.includes(`request_id=${rid}`))),
        new RegExp(`^at=info method=GET path="/" host=${CUSTOM.replace(/\./g, '\\.')} request_id=${rid} .* status=200 .* protocol=https$`));
      // The certificate is the internal app's: the public listener and another space's internal
      // listener answer that name with Cove's default certificate, and route nothing for it.
      const onPublic = await tlsFromInternet(lab.HOST_PUBLIC_IP, CUSTOM, '-');
      assert.equal(onPublic.status, 404, JSON.stringify(onPublic));
      assert.match(onPublic.cert ?? '', /DNS:\*\.apps\.test/);
      const onOtherSpace = await tlsFromDyno('other', 'far', OTHER_VIP, CUSTOM, '-');
      assert.equal(onOtherSpace.status, 404, JSON.stringify(onOtherSpace));
      assert.match(onOtherSpace.cert ?? '', /DNS:\*\.apps\.test/);
    });

    test('from the internet and from another space the internal address cannot be reached on 443, as on 80', async () => {
      const fromInternet = await tlsFromInternet(VIP, 'ledger.apps.test', join(cove.dataDir, 'tls', 'ca.crt'));
      assert.ok(fromInternet.error !== undefined, JSON.stringify(fromInternet));
      assert.match(await lab.probe('inet', 'tcp', VIP, 80), /^fail /);
      assert.match(await lab.probe('inet', 'tcp', VIP, 443), /^fail /);
      const fromOther = await tlsFromDyno('other', 'far', VIP, 'ledger.apps.test', 'ca.crt');
      assert.ok(fromOther.error !== undefined, JSON.stringify(fromOther));
    });

    test('over HTTPS an internal app\'s caller list refuses with a 403 and H-codes are logged, as over HTTP', async () => {
      await api('PUT', '/apps/ledger/allowed-callers', { apps: [] });
      const refused = await lab.waitFor('caller refused', async () => {
        const r = await tlsFromDyno('prod', 'caller', 'ledger.apps.test', 'ledger.apps.test', 'ca.crt', '/', 'internal-tls-refused-0001');
        return r.status === 403 ? r : undefined;
      }, 5000);
      assert.match(refused.body ?? '', /not on this app's list of allowed callers/);
      assert.match(await lab.waitFor('refusal logged', async () => routerLines('ledger').find((l) => l.includes('request_id=internal-tls-refused-0001'))),
        /^at=error desc="Caller app not allowed" .* status=403 .* protocol=https$/);
      await api('DELETE', '/apps/ledger/allowed-callers');
      await lab.waitFor('caller allowed again', async () => ((await tlsFromDyno('prod', 'caller', 'ledger.apps.test', 'ledger.apps.test', 'ca.crt')).status === 200 ? true : undefined), 5000);

      const h13 = await tlsFromDyno('prod', 'caller', 'ledger.apps.test', 'ledger.apps.test', 'ca.crt', '/close', 'internal-tls-h13-0001');
      assert.equal(h13.status, 503);
      assert.match(h13.body ?? '', /Application error/);
      assert.match(await lab.waitFor('H13 logged', async () => routerLines('ledger').find((l) => l.includes('request_id=internal-tls-h13-0001'))),
        /^at=error code=H13 desc="Connection closed without response" method=GET path="\/close" host=ledger\.apps\.test .* dyno=web\.1 .* status=503 .* protocol=https$/);
    });
  });
}
