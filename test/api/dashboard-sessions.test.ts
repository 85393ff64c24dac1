import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { after, before, describe, test } from 'node:test';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';

/** The session cookie a sign-in set, and its attributes. */
function cookieOf(res: Response): { value: string; attributes: string[] } {
  const header = res.headers.get('set-cookie') ?? '';
  const [pair = '', ...attributes] = header.split(';').map((s) => s.trim());
  assert.match(pair, /^cove_session=/);
  return { value: pair.slice('cove_session='.length), attributes };
}

describe('dashboard sessions: cookie sign-in, CSRF, sign-out', () => {
  let p: BootedPlatform;
  before(async () => {
    p = await bootPlatform();
    const created = await p.request('POST', '/users', { body: { email: 'dee@example.com', password: 'correct horse' } });
    assert.equal(created.status, 201);
  });
  after(() => p.close());

  async function signIn(body: unknown): Promise<Response> {
    return fetch(`${p.url}/dashboard/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  }

  test('email and password sign in: an HttpOnly SameSite=Strict cookie (not Secure on plain HTTP) and a CSRF token', async () => {
    const res = await signIn({ email: 'dee@example.com', password: 'correct horse' });
    assert.equal(res.status, 201);
    const body = (await res.json()) as { account: { email: string }; csrf_token: string };
    assert.equal(body.account.email, 'dee@example.com');
    const cookie = cookieOf(res);
    assert.ok(cookie.value.length > 20);
    assert.ok(cookie.attributes.includes('HttpOnly'));
    assert.ok(cookie.attributes.includes('SameSite=Strict'));
    assert.ok(!cookie.attributes.includes('Secure'));
    const me = await fetch(`${p.url}/account`, { headers: { Cookie: `cove_session=${cookie.value}` } });
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as { email: string }).email, 'dee@example.com');
  });

  test('a wrong password or an unknown API key is refused with the API error, and no cookie', async () => {
    for (const body of [{ email: 'dee@example.com', password: 'wrong one' }, { api_key: 'HRKU-nope' }]) {
      const res = await signIn(body);
      assert.equal(res.status, 401);
      assert.deepEqual(await res.json(), { id: 'unauthorized', message: 'Invalid credentials provided.' });
      assert.equal(res.headers.get('set-cookie'), null);
    }
    const empty = await signIn({});
    assert.equal(empty.status, 422);
  });

  test('over HTTPS (same port) the session cookie is also Secure', async () => {
    const ca = await readFile(p.platform.caCertPath, 'utf8');
    const host = new URL(p.url).host;
    const setCookie = await new Promise<string>((resolve, reject) => {
      const req = httpsRequest(`https://${host}/dashboard/session`, { method: 'POST', ca, servername: 'localhost', headers: { 'Content-Type': 'application/json' } }, (res) => {
        res.resume();
        assert.equal(res.statusCode, 201);
        resolve(String(res.headers['set-cookie'] ?? ''));
      });
      req.once('error', reject);
      req.end(JSON.stringify({ email: 'dee@example.com', password: 'correct horse' }));
    });
    const attributes = setCookie.split(';').map((a) => a.trim());
    assert.ok(attributes.includes('Secure'), setCookie);
    assert.ok(attributes.includes('HttpOnly'), setCookie);
    assert.ok(attributes.includes('SameSite=Strict'), setCookie);
  });

  test('an API key signs in too, and the cookie holds a new session key, not that API key', async () => {
    const res = await signIn({ api_key: p.adminToken });
    assert.equal(res.status, 201);
    const cookie = cookieOf(res);
    assert.notEqual(cookie.value, p.adminToken);
  });

  test('a state-changing request with the cookie alone is refused (403), even with the v3 Accept header; with the CSRF token it works', async () => {
    const res = await signIn({ email: 'dee@example.com', password: 'correct horse' });
    const { csrf_token: csrf } = (await res.json()) as { csrf_token: string };
    const cookie = `cove_session=${cookieOf(res).value}`;
    const create = (headers: Record<string, string>) =>
      fetch(`${p.url}/teams`, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ name: `t-${Math.random().toString(36).slice(2, 8)}` }) });
    for (const headers of [{}, { Accept: 'application/vnd.heroku+json; version=3' }, { 'X-CSRF-Token': 'not-the-token' }]) {
      const refused = await create(headers);
      assert.equal(refused.status, 403);
      assert.equal(((await refused.json()) as { id: string }).id, 'forbidden');
    }
    assert.equal((await create({ 'X-CSRF-Token': csrf })).status, 201);
    // The page learns the token again after a reload.
    const session = await fetch(`${p.url}/dashboard/session`, { headers: { Cookie: cookie } });
    assert.equal(((await session.json()) as { csrf_token: string }).csrf_token, csrf);
  });

  test('sign-out revokes the session: the cookie no longer works and is cleared', async () => {
    const res = await signIn({ email: 'dee@example.com', password: 'correct horse' });
    const { csrf_token: csrf } = (await res.json()) as { csrf_token: string };
    const cookie = `cove_session=${cookieOf(res).value}`;
    const out = await fetch(`${p.url}/dashboard/session`, { method: 'DELETE', headers: { Cookie: cookie, 'X-CSRF-Token': csrf } });
    assert.equal(out.status, 204);
    assert.match(out.headers.get('set-cookie') ?? '', /^cove_session=;.*Max-Age=0/);
    assert.equal((await fetch(`${p.url}/account`, { headers: { Cookie: cookie } })).status, 401);
  });

  test('GET / serves the dashboard page with a CSP; /assets/ never escapes its folder; API routes are not shadowed', async () => {
    const page = await fetch(`${p.url}/`);
    assert.equal(page.status, 200, 'packages/dashboard is built by `npm run build`');
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    const html = await page.text();
    const script = /src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
    assert.ok(script !== undefined, html);
    const asset = await fetch(`${p.url}/assets/${script}`);
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.equal((await fetch(`${p.url}/assets/..%2Fpackage.json`)).status, 404);
    assert.equal((await fetch(`${p.url}/spaces`)).status, 401);
  });
});
