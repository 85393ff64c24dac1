/**
 * The dashboard end to end in Debian's Chromium (Playwright), against a real `cove server` with
 * the linux runtime inside this file's own unshare sandbox: sign in, create a space and watch it
 * allocate, trusted IP ranges, apps, a slug deployed through the API, scale to 3 and see the
 * dynos in the topology across the zones, config vars and a new release, roll back, a router line
 * in the live log tail; a cross-origin page cannot act, a viewer sees no edit controls (and the
 * API refuses them), a signed-out page shows nothing; axe-core on each main page; screenshots.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { CoveServer } from '../support/cove-server.js';
import { chromiumMissing, launchBrowser, screenshot, seriousA11yViolations, type Browser } from '../support/dashboard-browser.js';
import { enterSandbox } from '../support/sandbox.js';
import { openSse } from '../support/sse.js';

const run = promisify(execFile);
const inSandbox = enterSandbox(import.meta.url);
const missing = chromiumMissing();
const API = 'http://127.0.0.1:5000';
const PUBLIC = '203.0.113.1';

/** Runs in the internet netns: one HTTP request through the router, printed as JSON. */
const CLIENT = `
const http = require('http');
const [host, hostHeader, path] = process.argv.slice(1);
const q = http.get({ host, port: 80, path, headers: { host: hostHeader }, timeout: 5000 }, (r) => {
  r.resume(); r.on('end', () => console.log(JSON.stringify({ status: r.statusCode })));
});
q.on('timeout', () => q.destroy(new Error('timeout')));
q.on('error', (e) => console.log(JSON.stringify({ error: e.code || e.message })));
`;

async function noSeriousViolations(page: Page, name: string): Promise<void> {
  const violations = await seriousA11yViolations(page);
  assert.deepEqual(violations, [], `${name}: ${JSON.stringify(violations, null, 2)}`);
}

if (!inSandbox || missing !== undefined) {
  describe('the dashboard in Chromium', { skip: !inSandbox ? 'needs root (an unshare sandbox for the linux runtime)' : missing }, () => undefined);
} else {
  const lab = await import('../linux/lab.js');
  const cove = new CoveServer({ tag: 'dashboard' });
  const api = (method: string, path: string, body?: unknown, token?: string): Promise<any> => cove.api(method, path, body, token);
  let internet: { stop(): void } | undefined;
  let browser: Browser | undefined;
  let evil: Server | undefined;
  let page: Page;
  let viewerKey = '';

  before(async () => {
    internet = await lab.makeInternet();
    await cove.start();
    await api('POST', '/teams', { name: 'acme' });
    await api('POST', '/users', { email: 'dev@example.com', password: 'correct horse battery' });
    await api('PUT', '/teams/acme/members', { email: 'dev@example.com', role: 'admin' });
    viewerKey = ((await api('POST', '/users', { email: 'viewer@example.com', password: 'viewer password' })) as { api_key: string }).api_key;
    await api('PUT', '/teams/acme/members', { email: 'viewer@example.com', role: 'viewer' });
    await api('POST', '/users', { email: 'mem@example.com', password: 'member password' });
    await api('PUT', '/teams/acme/members', { email: 'mem@example.com', role: 'member' });
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });
  after(async () => {
    await browser?.close();
    evil?.close();
    await cove.destroy();
    internet?.stop();
  });

  const goto = async (hash: string): Promise<void> => {
    await page.goto(`${API}/${hash}`);
  };

  describe('the dashboard in Chromium', () => {
    test('a signed-out page shows only the sign-in form; signing in sets an HttpOnly SameSite=Strict cookie and stores no key', async () => {
      await goto('#/spaces');
      await page.getByRole('heading', { name: 'Sign in to Cove' }).waitFor();
      assert.doesNotMatch(await page.locator('body').innerText(), /acme|Spaces/);
      await noSeriousViolations(page, 'sign-in page');
      await page.getByLabel('Email', { exact: true }).fill('dev@example.com');
      await page.getByLabel('Password', { exact: true }).fill('wrong password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').filter({ hasText: 'Invalid credentials provided.' }).waitFor();
      // By keyboard alone: Tab from the email field reaches the password, Enter submits.
      await page.getByLabel('Email', { exact: true }).fill('dev@example.com');
      await page.keyboard.press('Tab');
      await page.keyboard.type('correct horse battery');
      assert.equal(await page.getByLabel('Password', { exact: true }).inputValue(), 'correct horse battery');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Spaces', exact: true }).waitFor();
      const cookies = await browser?.context.cookies();
      const session = cookies?.find((c) => c.name === 'cove_session');
      assert.ok(session !== undefined);
      assert.equal(session.httpOnly, true);
      assert.equal(session.sameSite, 'Strict');
      assert.equal(await page.evaluate(() => (globalThis as unknown as { document: { cookie: string } }).document.cookie), '');
      const storage = await page.evaluate(() => JSON.stringify([{ ...(globalThis as any).localStorage }, { ...(globalThis as any).sessionStorage }]));
      assert.equal(storage, '[{},{}]');
      await noSeriousViolations(page, 'spaces page');
    });

    test('create a space: the API error shows at its field, then the space allocates; a trusted IP range is added and removed', async () => {
      await page.getByLabel('Name', { exact: true }).fill('prod');
      await page.getByLabel('CIDR (optional)', { exact: true }).fill('10.0.0.0/33');
      await page.getByRole('button', { name: 'Create space' }).click();
      const cidrError = page.locator('#space-cidr-error');
      await cidrError.waitFor();
      assert.match(await cidrError.innerText(), /CIDR/);
      assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'prod', 'nothing is lost on a failed form');
      await page.getByLabel('CIDR (optional)', { exact: true }).fill('');
      await page.getByRole('button', { name: 'Create space' }).click();
      await page.getByRole('heading', { name: /^Space prod/ }).waitFor();
      await page.locator('h1 .badge', { hasText: 'allocated' }).waitFor({ timeout: 60_000 });
      assert.match(await page.locator('.facts').innerText(), /10\.0\.0\.0\/16/);

      await page.getByLabel('Add a range (CIDR)', { exact: true }).fill('192.0.2.0/24');
      await page.getByRole('button', { name: 'Add range' }).click();
      await page.getByRole('button', { name: 'Remove 192.0.2.0/24' }).waitFor();
      assert.deepEqual((await api('GET', '/spaces/prod/inbound-ruleset')).rules.map((r: { source: string }) => r.source), ['0.0.0.0/0', '192.0.2.0/24']);
      await page.getByLabel('Add a range (CIDR)', { exact: true }).fill('not-a-cidr');
      await page.getByRole('button', { name: 'Add range' }).click();
      await page.locator('#trusted-range-error').waitFor();
      await page.getByRole('button', { name: 'Remove 192.0.2.0/24' }).click();
      await page.getByRole('button', { name: 'Remove 192.0.2.0/24' }).waitFor({ state: 'detached' });
      assert.deepEqual((await api('GET', '/spaces/prod/inbound-ruleset')).rules.map((r: { source: string }) => r.source), ['0.0.0.0/0']);
      await page.getByRole('button', { name: 'Remove 0.0.0.0/0' }).click();
      await page.getByRole('note').filter({ hasText: 'The list is empty' }).waitFor();
      await page.getByLabel('Add a range (CIDR)', { exact: true }).fill('0.0.0.0/0');
      await page.getByRole('button', { name: 'Add range' }).click();
      await page.getByRole('button', { name: 'Remove 0.0.0.0/0' }).waitFor();

      // A team member's app-creation access in the space.
      const grant = page.locator('[data-member="mem@example.com"]').getByLabel('can create apps');
      await grant.check();
      await lab.waitFor('create_apps granted', async () => {
        const access = (await api('GET', '/spaces/prod/members/mem@example.com')) as { permissions: { name: string }[] };
        return access.permissions.some((p) => p.name === 'create_apps') || undefined;
      });
      await grant.uncheck();
      await lab.waitFor('create_apps revoked', async () => ((await api('GET', '/spaces/prod/members/mem@example.com')).permissions.length === 0) || undefined);
    });

    test('create an internal and a public app in the space; a slug deployed through the API; scale to 3 shows three dynos across three zones', async () => {
      for (const [name, internal] of [['int-app', true], ['pub-app', false]] as const) {
        await goto('#/apps');
        await page.getByLabel('Name (optional)', { exact: true }).fill(name);
        await page.getByLabel('Space', { exact: true }).selectOption('prod');
        if (internal) await page.getByLabel(/Internal routing/).check();
        await page.getByRole('button', { name: 'Create app' }).click();
        await page.getByRole('heading', { name: `App ${name}` }).waitFor();
      }
      assert.equal((await api('GET', '/apps/int-app')).internal_routing, true);
      assert.equal((await api('GET', '/apps/pub-app')).internal_routing, false);
      await noSeriousViolations(page, 'app page');
      const tarball = await readFile(await lab.makeSlug());
      for (const app of ['int-app', 'pub-app']) {
        const slug = await api('POST', `/apps/${app}/slugs`, { process_types: { web: 'node app.js' } });
        assert.equal((await fetch(slug.blob.url, { method: 'PUT', body: tarball })).status, 200);
        await api('POST', `/apps/${app}/releases`, { slug: slug.id });
      }
      await page.getByLabel('Dynos of web', { exact: true }).waitFor({ timeout: 30_000 });
      await page.getByLabel('Dynos of web', { exact: true }).fill('3');
      await page.getByRole('button', { name: 'Scale' }).click();
      await goto('#/spaces/prod');
      // Read in one evaluation, so a re-render between reads cannot mix two pictures.
      const zoneOf = async (): Promise<string[] | undefined> => {
        const dynos = await page.evaluate(() => {
          type El = { textContent: string | null; closest(s: string): { getAttribute(n: string): string | null } | null };
          const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<El> } }).document;
          return [...doc.querySelectorAll('[data-dyno^="pub-app/web."]')].map((b) => ({ text: b.textContent ?? '', zone: b.closest('[data-zone]')?.getAttribute('data-zone') ?? null }));
        });
        if (dynos.length !== 3 || dynos.some((d) => !d.text.includes(' · up · ') || d.zone === null)) return undefined;
        return dynos.map((d) => d.zone ?? '');
      };
      const zones = await lab.waitFor('three pub-app dynos up in the topology', zoneOf, 90_000);
      assert.equal(new Set(zones).size, 3, `one dyno in each zone: ${zones.join(', ')}`);
      await page.locator('[data-dyno^="int-app/web."]').first().waitFor();
      assert.match(await page.getByTestId('topology').innerText(), /Internal apps[\s\S]*int-app/);
      await noSeriousViolations(page, 'space page');
      await screenshot(page, 'space-page-topology');

      assert.equal(await page.getByTestId('router-address').innerText(), '10.0.0.10');
      assert.equal(await page.getByTestId('dns-address').innerText(), '10.0.0.2');

      // A zone drill: zone a fails and its dyno moves to a healthy zone; the picture follows.
      await page.getByRole('button', { name: 'Fail zone a' }).click();
      const drilled = await lab.waitFor('dynos out of zone a', async () => {
        const now = await zoneOf();
        return now !== undefined && !now.includes('a') ? now : undefined;
      }, 90_000);
      assert.equal(drilled.length, 3);
      await page.getByRole('button', { name: 'Recover zone a' }).click();
      await page.getByRole('button', { name: 'Fail zone a' }).waitFor();

      await page.locator('[data-dyno="pub-app/web.1"]').click();
      const logs = page.getByRole('region', { name: 'Log lines of pub-app web.1' });
      await lab.waitFor('web.1 log lines', async () => /web\.1/.test(await logs.innerText()) || undefined, 20_000);
    });

    test('set a config var: a new release; roll back; a router line for a request the test made shows in the live log tail', async () => {
      await goto('#/apps/pub-app');
      await page.getByLabel('Key', { exact: true }).fill('GREETING');
      await page.getByLabel('Value', { exact: true }).fill('hello');
      await page.getByRole('button', { name: 'Set', exact: true }).click();
      await page.locator('[data-release]').filter({ hasText: 'Set GREETING config vars' }).waitFor();
      const configRelease = Number(await page.locator('[data-release]').filter({ hasText: 'Set GREETING config vars' }).getAttribute('data-release'));
      await page.getByRole('button', { name: `Roll back to v${configRelease - 1}` }).click();
      await page.locator('[data-release]').filter({ hasText: `Rollback to v${configRelease - 1}` }).waitFor();
      assert.equal((await api('GET', '/apps/pub-app/config-vars'))['GREETING'], undefined);

      await page.getByLabel('Add a custom domain', { exact: true }).fill('www.shop.example');
      await page.getByRole('button', { name: 'Add domain' }).click();
      await page.getByRole('button', { name: 'Remove www.shop.example' }).waitFor();
      assert.ok(((await api('GET', '/apps/pub-app/domains')) as { hostname: string }[]).some((d) => d.hostname === 'www.shop.example'));
      await page.getByRole('button', { name: 'Remove www.shop.example' }).click();
      await page.getByRole('button', { name: 'Remove www.shop.example' }).waitFor({ state: 'detached' });
      assert.ok(!((await api('GET', '/apps/pub-app/domains')) as { hostname: string }[]).some((d) => d.hostname === 'www.shop.example'));

      // An SNI certificate: a bad one shows the API's message and keeps what was typed; a good one is listed, then removed.
      await page.getByLabel('Certificate chain (PEM)', { exact: true }).fill('not a certificate');
      await page.getByLabel('Private key (PEM)', { exact: true }).fill('not a key');
      await page.getByRole('button', { name: 'Add certificate' }).click();
      await page.getByRole('alert').filter({ hasText: /certificate/i }).first().waitFor();
      assert.equal(await page.getByLabel('Certificate chain (PEM)', { exact: true }).inputValue(), 'not a certificate');
      const certDir = dirname(cove.dataDir);
      const keyFile = join(certDir, `dash-cert-${process.pid}.key`);
      const certFile = join(certDir, `dash-cert-${process.pid}.crt`);
      await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '30', '-subj', '/CN=secure.shop.example', '-addext', 'subjectAltName=DNS:secure.shop.example']);
      await page.getByLabel('Certificate chain (PEM)', { exact: true }).fill(await readFile(certFile, 'utf8'));
      await page.getByLabel('Private key (PEM)', { exact: true }).fill(await readFile(keyFile, 'utf8'));
      await page.getByRole('button', { name: 'Add certificate' }).click();
      const listed = page.locator('[data-certificate]').filter({ hasText: 'secure.shop.example' });
      await listed.waitFor();
      assert.match((await listed.textContent()) ?? '', /expires \d{4}-\d{2}-\d{2}, self-signed/);
      const endpoints = (await api('GET', '/apps/pub-app/sni-endpoints')) as { name: string }[];
      assert.equal(endpoints.length, 1);
      await page.getByRole('button', { name: `Remove certificate ${endpoints[0]?.name ?? ''}` }).click();
      await listed.waitFor({ state: 'detached' });
      assert.deepEqual(await api('GET', '/apps/pub-app/sni-endpoints'), []);

      const path = `/dash-${Math.random().toString(36).slice(2, 10)}`;
      await lab.waitFor('routed', async () => {
        const out = await lab.sh('ip', ['netns', 'exec', 'inet', process.execPath, '-e', CLIENT, PUBLIC, 'pub-app.apps.test', path]);
        return (JSON.parse(out) as { status?: number }).status === 200 || undefined;
      }, 60_000);
      const tail = page.getByTestId('log-tail');
      await lab.waitFor('router line in the tail', async () => (await tail.innerText()).includes(`path="${path}"`) || undefined, 20_000);
      assert.match(await tail.innerText(), new RegExp(`heroku\\[router\\]: .*path="${path}"`));
      await page.getByLabel('Filter (source, dyno or text)', { exact: true }).fill('heroku[router]');
      const filtered = (await tail.innerText()).split('\n').filter((l) => l !== '');
      assert.ok(filtered.length > 0 && filtered.every((l) => l.includes('heroku[router]')), filtered.join('\n'));
      await page.getByRole('button', { name: 'Pause' }).click();
      assert.equal(await page.getByRole('button', { name: 'Resume' }).getAttribute('aria-pressed'), 'true');
      // The router metrics count the requests the router logged (the test's among them).
      await lab.waitFor('router metrics', async () => Number(await page.getByTestId('router-total').innerText()) >= 1 || undefined, 20_000);
      await noSeriousViolations(page, 'app page with logs');
      await screenshot(page, 'app-page');
      await page.setViewportSize({ width: 390, height: 844 });
      await goto('#/spaces/prod');
      await page.locator('[data-dyno^="pub-app/web."]').first().waitFor();
      const overflow = await page.evaluate(() => {
        const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
        return root.scrollWidth - root.clientWidth;
      });
      assert.ok(overflow <= 0, `the space page is ${overflow}px wider than a 390px screen`);
      await screenshot(page, 'space-page-390px');
      await page.setViewportSize({ width: 1280, height: 900 });
    });

    test('a build made through the API: its status and output show on the app page', async () => {
      const slugPath = await lab.makeSlug();
      const dir = dirname(slugPath);
      await run('tar', ['-xzf', slugPath, '-C', dir]);
      await writeFile(join(dir, 'app', 'Procfile'), 'web: node app.js\n');
      await run('tar', ['-czf', join(dir, 'source.tgz'), '-C', join(dir, 'app'), '.']);
      const source = (await api('POST', '/sources')) as { source_blob: { get_url: string; put_url: string } };
      assert.equal((await fetch(source.source_blob.put_url, { method: 'PUT', body: await readFile(join(dir, 'source.tgz')) })).status, 200);
      await api('POST', '/apps/int-app/builds', { source_blob: { url: source.source_blob.get_url, version: 'dash-1' } });
      await goto('#/apps/int-app');
      const section = page.getByRole('region', { name: 'Latest build' });
      await section.getByRole('button', { name: /Follow output|Show output/ }).click();
      const output = page.getByTestId('build-output');
      await lab.waitFor('build output', async () => /Procfile/.test(await output.innerText()) || undefined, 120_000);
      await section.locator('.badge', { hasText: 'succeeded' }).waitFor({ timeout: 120_000 });

      // One dyno restarted from its row: the API logs the action as the signed-in user.
      // While the build's release rolls out, an old and a new web.1 may both be listed: either restarts web.1.
      await page.getByRole('button', { name: 'Restart web.1' }).first().click();
      await lab.waitFor('restart logged', async () => {
        const session = (await api('POST', '/apps/int-app/log-sessions', { lines: 200 })) as { logplex_url: string };
        const stream = await openSse(session.logplex_url);
        await stream.ended;
        return stream.events.some((e) => e.data.endsWith('app[api]: Restart web.1 by user dev@example.com')) || undefined;
      });
    });

    test('a page on another origin cannot act with the session cookie (no CSRF token)', async () => {
      const zone = ((await api('GET', '/spaces/prod/zones')) as { name: string }[])[0]?.name ?? '';
      const target = `${API}/spaces/prod/zones/${zone}/actions/fail`;
      // Same site (127.0.0.1), another origin (port): the SameSite=Strict cookie is sent, so only the CSRF check stops it.
      evil = createServer((_req, res) => {
        res.setHeader('Content-Type', 'text/html');
        res.end(`<!doctype html><title>evil</title><form id="f" method="POST" action="${target}"></form>
<script>
fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { Accept: 'application/vnd.heroku+json; version=3' } })
  .then(() => fetch(${JSON.stringify(`${API}/teams`)}, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body: '{"name":"evil"}' }))
  .finally(() => { document.title = 'fetched'; document.getElementById('f').submit(); });
</script>`);
      });
      await new Promise<void>((resolve) => evil?.listen(5099, '127.0.0.1', resolve));
      const attacker = await browser!.context.newPage();
      const responses: number[] = [];
      attacker.on('response', (r) => {
        if (r.url().startsWith(API)) responses.push(r.status());
      });
      await attacker.goto('http://127.0.0.1:5099/');
      await attacker.waitForURL(target);
      assert.ok(responses.length >= 2 && responses.every((s) => s === 403 || s === 401), `API answers to the attacker: ${responses.join(', ')}`);
      assert.ok(responses.includes(403), 'the cookie went along and the CSRF check refused it');
      await attacker.close();
      const zones = (await api('GET', '/spaces/prod/zones')) as { name: string; healthy: boolean }[];
      assert.ok(zones.every((z) => z.healthy));
      assert.ok(!((await api('GET', '/teams')) as { name: string }[]).some((t) => t.name === 'evil'));
    });

    test('sign-out revokes the session; a viewer (signed in with an API key) sees no edit controls and the API refuses them anyway', async () => {
      const old = (await browser!.context.cookies()).find((c) => c.name === 'cove_session')?.value;
      await goto('#/spaces');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in to Cove' }).waitFor();
      assert.equal((await fetch(`${API}/account`, { headers: { Cookie: `cove_session=${old}` } })).status, 401);
      assert.doesNotMatch(await page.locator('body').innerText(), /prod|pub-app|acme/);
      assert.equal(await page.evaluate(async () => (await fetch('/spaces')).status), 401);

      await page.getByLabel('Use an API key', { exact: true }).check();
      await page.getByLabel('API key', { exact: true }).fill(viewerKey);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('viewer@example.com').waitFor();
      const sessionCookie = (await browser!.context.cookies()).find((c) => c.name === 'cove_session')?.value;
      assert.notEqual(sessionCookie, viewerKey, 'the cookie holds a session key, not the API key typed');
      await goto('#/spaces/prod');
      await page.locator('[data-dyno^="pub-app/web."]').first().waitFor();
      await page.getByRole('heading', { name: 'Members' }).waitFor();
      assert.equal(await page.getByRole('button', { name: /^Remove / }).count(), 0);
      assert.equal(await page.getByRole('button', { name: 'Add range' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: /^Fail zone / }).count(), 0);
      await goto('#/apps/pub-app');
      await page.locator('[data-release]').first().waitFor();
      await page.locator('[data-dyno]').first().waitFor();
      assert.equal(await page.getByRole('button', { name: /^Restart / }).count(), 0);
      assert.equal(await page.getByRole('button', { name: 'Add domain' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: 'Add certificate' }).count(), 0);
      for (const name of ['Scale', 'Set', 'Restart all dynos']) assert.equal(await page.getByRole('button', { name, exact: true }).count(), 0, name);
      assert.equal(await page.getByRole('button', { name: /^Roll back/ }).count(), 0);
      const refused = await page.evaluate(async () => {
        const session = (await (await fetch('/dashboard/session')).json()) as { csrf_token: string };
        const res = await fetch('/apps/pub-app/config-vars', {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json', Accept: 'application/vnd.heroku+json; version=3', 'X-CSRF-Token': session.csrf_token },
          body: JSON.stringify({ SNEAKY: '1' }),
        });
        return { status: res.status, body: (await res.json()) as { id: string } };
      });
      assert.equal(refused.status, 403);
      assert.equal(refused.body.id, 'forbidden');

      // The session ends elsewhere (another tab signs out): the page's next poll gets a 401 and it shows the sign-in form.
      await page.evaluate(async () => {
        const session = (await (await fetch('/dashboard/session')).json()) as { csrf_token: string };
        await fetch('/dashboard/session', { method: 'DELETE', headers: { 'X-CSRF-Token': session.csrf_token } });
      });
      await page.getByRole('heading', { name: 'Sign in to Cove' }).waitFor();
      assert.doesNotMatch(await page.locator('body').innerText(), /pub-app|prod/);
    });
  });
}
