/**
 * An internal app's caller list end to end: a whole `cove server` (linux runtime, HAProxy
 * router) inside this file's unshare sandbox, with callers in dynos of the same space. The
 * router sees the calling dyno's private IP; with a list only dynos of the listed apps (and of
 * the app itself) get through, others get a 403 and a `heroku[router]` error line; changes of
 * the list apply within 1 s, and new dynos of an allowed app (scaled up, one-off) are let in.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { CoveServer, type ApiDyno } from '../support/cove-server.js';
import { ROUTER_APP } from '../support/router-app.js';
import { enterSandbox } from '../support/sandbox.js';

const inSandbox = enterSandbox(import.meta.url);
const VIP = '10.0.0.10';

/**
 * A one-off's command: calls the internal app until it answers `want` (or `seconds` pass),
 * then prints the last status and how many other answers came before; exits 1 without `want`. A dyno is let in once the reconciler has recorded it, a moment after
 * it starts, so its very first request may still be refused.
 */
const CALL_UNTIL = `
const http = require('http');
const [want, host, hostHeader, seconds] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;
let others = 0;
const once = () => http.get({ host, port: 80, headers: { host: hostHeader }, timeout: 1500 }, (r) => {
  r.resume();
  r.on('end', () => {
    if (String(r.statusCode) === want || Date.now() > deadline) {
      process.exitCode = String(r.statusCode) === want ? 0 : 1;
      return console.log('caller final=' + r.statusCode + ' others=' + others);
    }
    others++;
    setTimeout(once, 100);
  });
}).on('error', (e) => (Date.now() > deadline ? console.log('caller error=' + e.message) : setTimeout(once, 100)));
once();
`;

interface Reply {
  status?: number;
  body?: string;
  error?: string;
}

if (!inSandbox) {
  describe('the caller list of an internal app', { skip: 'needs root' }, () => undefined);
} else {
  const lab = await import('../linux/lab.js');
  const cove = new CoveServer({ tag: 'callers' });
  let internet: { stop(): void } | undefined;
  let db: Database.Database | undefined;
  let shortId = '';

  const api = (method: string, path: string, body?: unknown): Promise<any> => cove.api(method, path, body);
  const dynos = async (app: string): Promise<ApiDyno[]> => (await api('GET', `/apps/${app}/dynos`)) as ApiDyno[];
  const upWeb = (app: string, n: number) => async () => {
    const list = (await dynos(app)).filter((d) => d.type === 'web');
    return list.length === n && list.every((d) => d.state === 'up') ? list : undefined;
  };
  const logLines = (app: string, dyno: string): string[] =>
    (db?.prepare('SELECT l.message FROM log_lines l JOIN apps a ON a.id = l.app_id WHERE a.name = ? AND l.dyno = ? ORDER BY l.seq').all(app, dyno) as { message: string }[]).map(
      (r) => r.message,
    );
  /** Asks web dyno `dyno` of `app` to call the internal app `target` on the space's internal router. */
  const call = async (app: string, target = 'api', dyno = 'web.1'): Promise<Reply> => {
    const d = (await dynos(app)).find((x) => x.name === dyno);
    assert.ok(d, `${app} ${dyno}`);
    const script = `require('http').get({ host: '${d.extended.ip}', port: 5000, path: '/get?${VIP},80,${target}.apps.test', timeout: 5000 }, (r) => { let d = ''; r.on('data', (c) => d += c); r.on('end', () => console.log(d)); })`;
    const out = await lab.sh('ip', ['netns', 'exec', lab.spaceNetns(shortId), process.execPath, '-e', script]);
    return JSON.parse(out.trim()) as Reply;
  };
  const ipOf = async (app: string, dyno = 'web.1'): Promise<string> => (await dynos(app)).find((d) => d.name === dyno)?.extended.ip ?? '';
  /** Waits (at most `ms`) until `app`'s web.1 gets `status` from the internal app. */
  const expectStatus = (app: string, status: number, ms = 1000): Promise<true> =>
    lab.waitFor(`${app} gets ${status}`, async () => ((await call(app)).status === status ? true : undefined), ms);
  /** Releases a slug of the caller app; resolves with the release's version. */
  const deploy = async (app: string, processTypes: Record<string, string> = {}): Promise<number> => {
    const slug = await api('POST', `/apps/${app}/slugs`, { process_types: { web: 'node caller-app.js', ...processTypes } });
    const put = await fetch(slug.blob.url, { method: 'PUT', body: await readFile(await lab.makeSlug({ 'caller-app.js': ROUTER_APP, 'call-until.js': CALL_UNTIL })) });
    assert.equal(put.status, 200);
    return ((await api('POST', `/apps/${app}/releases`, { slug: slug.id })) as { version: number }).version;
  };

  before(async () => {
    internet = await lab.makeInternet();
    await cove.start(['--http', '0.0.0.0:80']);
    db = new Database(join(cove.dataDir, 'cove.db'), { readonly: true });
    await api('POST', '/teams', { name: 'acme' });
    await api('POST', '/spaces', { name: 'prod', team: 'acme' });
    await lab.waitFor('prod allocated', async () => ((await api('GET', '/spaces/prod')).state === 'allocated' ? true : undefined), 30_000);
    shortId = lab.spaceShortIdOf((db.prepare('SELECT id FROM spaces WHERE name = ?').get('prod') as { id: string }).id);
    await api('POST', '/teams/apps', { name: 'api', space: 'prod', internal_routing: true });
    await api('POST', '/teams/apps', { name: 'billing', space: 'prod' });
    await api('POST', '/teams/apps', { name: 'web-ui', space: 'prod' });
    for (const app of ['api', 'billing', 'web-ui']) await deploy(app);
    for (const app of ['api', 'billing', 'web-ui']) await lab.waitFor(`${app} up`, upWeb(app, 1), 60_000);
  });
  after(async () => {
    db?.close();
    await cove.destroy();
    internet?.stop();
  });

  describe('the caller list of an internal app', () => {
    test('without a list every app of the space may call it, and the router sees the calling dyno\'s private IP', async () => {
      const reply = await lab.waitFor('routed', async () => {
        const r = await call('billing');
        return r.status === 200 ? r : undefined;
      }, 10_000);
      const seen = JSON.parse(reply.body ?? '{}') as { headers: Record<string, string> };
      assert.equal(seen.headers['x-forwarded-for'], await ipOf('billing'));
      assert.equal((await call('web-ui')).status, 200);
    });

    test('list [billing]: billing gets 200, web-ui a 403 within 1 s and an error line in api\'s log; [web-ui] swaps them within 1 s', async () => {
      // Setting, changing and clearing a list all change the serving HAProxy process at run time.
      const generation = await cove.routerGeneration();
      await api('PUT', '/apps/api/allowed-callers', { apps: ['billing'] });
      await expectStatus('web-ui', 403);
      const refused = await call('web-ui');
      assert.equal(refused.status, 403);
      assert.match(refused.body ?? '', /not on this app's list of allowed callers/);
      assert.equal((await call('billing')).status, 200);
      // The app itself may always call itself.
      assert.equal((await call('api')).status, 200);
      const uiIp = await ipOf('web-ui');
      const line = await lab.waitFor('router line', async () => logLines('api', 'router').find((l) => l.includes('desc="Caller app not allowed"')));
      assert.match(line, new RegExp(`^at=error desc="Caller app not allowed" method=GET path="/" host=api\\.apps\\.test request_id=\\S+ fwd="${uiIp.replace(/\./g, '\\.')}" dyno= .* status=403 `));

      await api('PUT', '/apps/api/allowed-callers', { apps: ['web-ui'] });
      await expectStatus('web-ui', 200);
      await expectStatus('billing', 403);
      assert.equal(await cove.routerGeneration(), generation, 'a list set or changed started a new HAProxy process');
    });

    test('a scaled-up new dyno and a one-off dyno of an allowed app are let in; a one-off of another app is not', async (t) => {
      await api('PATCH', '/apps/web-ui/formation', { updates: [{ type: 'web', quantity: 2 }] });
      await lab.waitFor('web-ui web.2 up', upWeb('web-ui', 2), 60_000);
      const viaNew = await lab.waitFor('web.2 allowed', async () => {
        const r = await call('web-ui', 'api', 'web.2');
        return r.status === 200 ? r : undefined;
      }, 5000);
      assert.equal((JSON.parse(viaNew.body ?? '{}') as { headers: Record<string, string> }).headers['x-forwarded-for'], await ipOf('web-ui', 'web.2'));

      const allowed = await api('POST', '/apps/web-ui/dynos', { command: `node call-until.js 200 ${VIP} api.apps.test 20`, attach: false });
      const refused = await api('POST', '/apps/billing/dynos', { command: `node call-until.js 200 ${VIP} api.apps.test 3`, attach: false });
      const final = (app: string, name: string) => async () => logLines(app, name).find((l) => l.startsWith('caller '));
      const allowedLine = await lab.waitFor('allowed one-off done', final('web-ui', allowed.name), 60_000);
      assert.match(allowedLine, /^caller final=200 /);
      t.diagnostic(`the allowed one-off was refused ${allowedLine.split('others=')[1]} time(s) before the router knew it`);
      // Refused on every attempt for 3 s.
      assert.match(await lab.waitFor('refused one-off done', final('billing', refused.name), 60_000), /^caller final=403 others=\d+$/);
      await api('PATCH', '/apps/web-ui/formation', { updates: [{ type: 'web', quantity: 1 }] });
    });

    test('a release-phase dyno of an allowed app is let in (its release succeeds); one of another app is not (its release fails)', async () => {
      const release = `node call-until.js 200 ${VIP} api.apps.test`;
      const allowed = await deploy('web-ui', { release: `${release} 20` });
      const refused = await deploy('billing', { release: `${release} 3` });
      const settled = (app: string, version: number) => async () => {
        const r = (await api('GET', `/apps/${app}/releases/${version}`)) as { status: string };
        return r.status === 'pending' ? undefined : r.status;
      };
      assert.equal(await lab.waitFor('web-ui release', settled('web-ui', allowed), 60_000), 'succeeded');
      assert.equal(await lab.waitFor('billing release', settled('billing', refused), 60_000), 'failed');
      // The next test calls from web-ui's web.1: wait until the rolled one is the only one.
      await lab.waitFor('web-ui rolled', async () => {
        const web = ((await dynos('web-ui')) as (ApiDyno & { release: { version: number } })[]).filter((d) => d.type === 'web');
        return web.length === 1 && web[0]?.state === 'up' && web[0].release.version === allowed ? true : undefined;
      }, 60_000);
    });

    test('an empty list leaves only the app itself; DELETE lets every app of the space in again within 1 s', async () => {
      await api('PUT', '/apps/api/allowed-callers', { apps: [] });
      await expectStatus('web-ui', 403);
      assert.equal((await call('billing')).status, 403);
      assert.equal((await call('api')).status, 200);
      const generation = await cove.routerGeneration();
      await api('DELETE', '/apps/api/allowed-callers');
      await expectStatus('billing', 200);
      await expectStatus('web-ui', 200);
      assert.equal(await cove.routerGeneration(), generation, 'clearing the list started a new HAProxy process');
    });
  });
}
