import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';

const run = promisify(execFile);

async function selfSigned(dir: string, name: string, cn: string, days = 30): Promise<{ cert: string; key: string }> {
  await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', String(days), '-subj', `/CN=${cn}`,
    '-addext', `subjectAltName=DNS:${cn}`, '-keyout', join(dir, `${name}.key`), '-out', join(dir, `${name}.crt`)]);
  return { cert: await readFile(join(dir, `${name}.crt`), 'utf8'), key: await readFile(join(dir, `${name}.key`), 'utf8') };
}

describe('domains, SNI endpoints and app inbound rulesets', () => {
  let p: BootedPlatform;
  let dir = '';
  before(async () => {
    p = await bootPlatform();
    dir = await mkdtemp(join(tmpdir(), 'cove-certs-'));
    await p.request('POST', '/apps', { body: { name: 'shop' } });
    await p.request('POST', '/apps', { body: { name: 'blog' } });
  });
  after(async () => {
    await p.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('GET /apps/:app/domains lists the default domain; custom ones are added, found and removed', async () => {
    const initial = await p.request('GET', '/apps/shop/domains');
    assert.deepEqual(initial.body.map((d: { hostname: string; kind: string }) => [d.hostname, d.kind]), [['shop.apps.test', 'heroku']]);
    const added = await p.request('POST', '/apps/shop/domains', { body: { hostname: 'WWW.Example.com', sni_endpoint: null } });
    assert.equal(added.status, 201);
    assert.equal(added.body.hostname, 'www.example.com');
    assert.equal(added.body.kind, 'custom');
    assert.equal(added.body.cname, 'shop.apps.test');
    assert.equal(added.body.status, 'succeeded');
    assert.equal((await p.request('GET', '/apps/shop/domains/www.example.com')).body.id, added.body.id);
    assert.equal((await p.request('GET', `/apps/shop/domains/${added.body.id}`)).body.hostname, 'www.example.com');
    const again = await p.request('POST', '/apps/shop/domains', { body: { hostname: 'www.example.com' } });
    assert.equal(again.status, 422);
    assert.equal(again.body.message, 'Domain already added to this app.');
    const other = await p.request('POST', '/apps/blog/domains', { body: { hostname: 'www.example.com' } });
    assert.equal(other.status, 422);
    assert.match(other.body.message, /in use by another app/);
    assert.equal((await p.request('POST', '/apps/shop/domains', { body: { hostname: 'blog.apps.test' } })).status, 422);
    assert.equal((await p.request('POST', '/apps/shop/domains', { body: { hostname: 'not a host' } })).body.id, 'invalid_params');
    assert.equal((await p.request('DELETE', '/apps/shop/domains/shop.apps.test')).status, 422);
    assert.equal((await p.request('DELETE', '/apps/shop/domains/www.example.com')).status, 200);
    assert.equal((await p.request('GET', '/apps/shop/domains/www.example.com')).status, 404);
  });

  test("an internal app's custom domain points at its space's internal router address; a public app's of the same space at its default domain", async () => {
    await p.createSpace('intra', 'corp');
    await p.request('POST', '/spaces', { body: { name: 'second', team: 'corp', cidr: '10.7.0.0/16' } });
    await p.request('POST', '/teams/apps', { body: { name: 'ledger', space: 'intra', internal_routing: true } });
    await p.request('POST', '/teams/apps', { body: { name: 'vault', space: 'second', internal_routing: true } });
    await p.request('POST', '/teams/apps', { body: { name: 'portal', space: 'intra' } });
    const internal = await p.request('POST', '/apps/ledger/domains', { body: { hostname: 'ledger.corp.example', sni_endpoint: null } });
    assert.equal(internal.status, 201);
    assert.equal(internal.body.cname, '10.0.0.10');
    assert.equal((await p.request('POST', '/apps/vault/domains', { body: { hostname: 'vault.corp.example' } })).body.cname, '10.7.0.10');
    assert.equal((await p.request('POST', '/apps/portal/domains', { body: { hostname: 'portal.corp.example' } })).body.cname, 'portal.apps.test');
    const listed = (await p.request('GET', '/apps/ledger/domains')).body as { hostname: string; cname: string | null }[];
    assert.deepEqual(listed.map((d) => [d.hostname, d.cname]), [['ledger.apps.test', null], ['ledger.corp.example', '10.0.0.10']]);
    assert.equal((await p.request('GET', '/apps/ledger/domains/ledger.corp.example')).body.cname, '10.0.0.10');
  });

  test('POST /apps/:app/sni-endpoints checks the pair, reports the certificate, never returns the key', async () => {
    const good = await selfSigned(dir, 'good', 'secure.example.com');
    const wrong = await selfSigned(dir, 'wrong', 'other.example.com');
    const mismatch = await p.request('POST', '/apps/shop/sni-endpoints', { body: { certificate_chain: good.cert, private_key: wrong.key } });
    assert.equal(mismatch.status, 422);
    assert.equal(mismatch.body.message, 'private_key does not match the certificate.');
    assert.equal((await p.request('POST', '/apps/shop/sni-endpoints', { body: { certificate_chain: 'nope', private_key: good.key } })).status, 422);
    await p.request('POST', '/apps/shop/domains', { body: { hostname: 'secure.example.com' } });
    const created = await p.request('POST', '/apps/shop/sni-endpoints', { body: { certificate_chain: good.cert, private_key: good.key } });
    assert.equal(created.status, 201);
    assert.equal(created.body.private_key, undefined);
    assert.deepEqual(created.body.ssl_cert.cert_domains, ['secure.example.com']);
    assert.equal(created.body.ssl_cert['self_signed?'], true);
    assert.equal(created.body.domains.length, 1);
    assert.equal(created.body.app.name, 'shop');
    const list = await p.request('GET', '/apps/shop/sni-endpoints');
    assert.deepEqual(list.body.map((e: { name: string }) => e.name), [created.body.name]);
    assert.equal((await p.request('GET', `/apps/shop/sni-endpoints/${created.body.name}`)).body.id, created.body.id);
    assert.equal((await p.request('DELETE', `/apps/shop/sni-endpoints/${created.body.id}`)).status, 200);
    assert.deepEqual((await p.request('GET', '/apps/shop/sni-endpoints')).body, []);
  });

  test('/apps/:app/inbound-ruleset: none by default, set with validated rules, removed', async () => {
    assert.equal((await p.request('GET', '/apps/shop/inbound-ruleset')).status, 404);
    const set = await p.request('PUT', '/apps/shop/inbound-ruleset', { body: { rules: [{ action: 'allow', source: '203.0.113.7' }] } });
    assert.equal(set.status, 200);
    assert.deepEqual(set.body.rules, [{ action: 'allow', source: '203.0.113.7/32' }]);
    assert.equal(set.body.app.name, 'shop');
    assert.deepEqual((await p.request('GET', '/apps/shop/inbound-ruleset')).body.rules, [{ action: 'allow', source: '203.0.113.7/32' }]);
    assert.equal((await p.request('PUT', '/apps/shop/inbound-ruleset', { body: { rules: [{ source: 'nonsense' }] } })).status, 422);
    assert.equal((await p.request('DELETE', '/apps/shop/inbound-ruleset')).status, 200);
    assert.equal((await p.request('GET', '/apps/shop/inbound-ruleset')).status, 404);
  });
});
