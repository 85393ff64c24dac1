import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isHttpsFrontend, renderHaproxy, runtimeFileEntries, runtimeFileKind } from './haproxy-config.js';
import type { NamespacedRouteFeed } from './route-feed.js';

const feed: NamespacedRouteFeed = {
  spaces: [{ spaceId: 'sa', namespace: 'cvs-aaaa', internalAddress: '10.0.0.10' }],
  draining: [],
  apps: [
    {
      appId: 'a1', name: 'shop', spaceId: 'sa', namespace: 'cvs-aaaa', internal: false, hostnames: ['shop.apps.test', 'www.example.com'],
      inboundRules: [{ action: 'deny', source: '203.0.113.7/32' }, { action: 'allow', source: '203.0.113.0/24' }],
      servers: [{ dynoId: '0123abcd-ffff', name: 'web.1', address: '10.0.128.11', port: 5000 }], idleCode: 'H14',
    },
    { appId: 'a2', name: 'api', spaceId: 'sa', namespace: 'cvs-aaaa', internal: true, hostnames: ['api.apps.test'], inboundRules: [], servers: [], idleCode: 'H10' },
  ],
};
const options = { http: { host: '0.0.0.0', port: 80 }, https: null, logPort: 5514, finishingLogPort: 5515, statsSocket: '/x/admin.sock', pagesDir: '/p', mapsDir: '/m' };

test('runtimeFileKind() names the files the admin socket changes: host maps, caller lists, allow-only rulesets', () => {
  assert.deepEqual(['public.map', 'internal-sa.map', 'callers-a2.acl', 'trusted-space-sa.acl', 'crt-list.txt', 'cert-default.pem'].map(runtimeFileKind), ['map', 'map', 'acl', 'acl', null, null]);
  assert.deepEqual([...runtimeFileEntries('shop.apps.test app-a1\nwww.example.com app-a1\n')], [['shop.apps.test', 'app-a1'], ['www.example.com', 'app-a1']]);
  assert.deepEqual([...runtimeFileEntries('10.0.128.5\n')], [['10.0.128.5', '']]);
});

test('renderHaproxy() maps public hosts on the public listener and internal ones on their space address only', () => {
  const { config, maps } = renderHaproxy(feed, options);
  assert.equal(maps.get('public.map'), 'shop.apps.test app-a1\nwww.example.com app-a1\n');
  assert.equal(maps.get('internal-sa.map'), 'api.apps.test app-a2\n');
  assert.match(config, /\n {2}bind 0\.0\.0\.0:80\n/);
  assert.match(config, /\n {2}bind 10\.0\.0\.10:80 namespace cvs-aaaa\n/);
  // The dyno in the first slot, and empty slots to fill at run time.
  assert.match(config, /\n {2}server s1 10\.0\.128\.11:5000 namespace cvs-aaaa\n {2}server s2 0\.0\.0\.0:0 namespace cvs-aaaa disabled\n/);
  // 30 s (the option) to the first byte; WebSockets get Heroku's rolling 55 s.
  assert.match(config, /\n {2}timeout server 30000ms\n {2}timeout tunnel 55000ms\n/);
  // Eight slots for each of the two apps, the internal one without a dyno included.
  assert.equal(config.match(/^ {2}server s\d+ /gm)?.length, 16);
});

test('renderHaproxy() checks trusted IP rules first match first, in public apps\' backends only', () => {
  const { config } = renderHaproxy(feed, options);
  const shop = config.slice(config.indexOf('backend app-a1'), config.indexOf('backend app-a2'));
  const rules = shop.split('\n').filter((l) => l.includes('txn.blocked_space) int('));
  assert.deepEqual(rules.map((l) => l.trim()), [
    'http-request set-var(txn.blocked_space) int(1)',
    'http-request set-var(txn.blocked_space) int(0) if { src 203.0.113.0/24 }',
    'http-request set-var(txn.blocked_space) int(1) if { src 203.0.113.7/32 }',
  ]);
  const api = config.slice(config.indexOf('backend app-a2'));
  assert.doesNotMatch(api, /txn\.blocked/);
  // No dyno: every slot is empty, and HAProxy answers its own 503.
  assert.match(api, /\n {2}server s1 0\.0\.0\.0:0 namespace cvs-aaaa disabled\n/);
});

test('renderHaproxy() keeps allow-only trusted IP ranges in one pattern file per space, so they change at run time', () => {
  const [shop, api] = feed.apps;
  assert.ok(shop !== undefined && api !== undefined);
  const withRules = (rules: { action: 'allow' | 'deny'; source: string }[]): ReturnType<typeof renderHaproxy> =>
    renderHaproxy({ ...feed, apps: [{ ...shop, inboundRules: rules }, api] }, options);
  const narrow = withRules([{ action: 'allow', source: '203.0.113.0/24' }, { action: 'allow', source: '198.51.100.7/32' }]);
  assert.equal(narrow.maps.get('trusted-space-sa.acl'), '203.0.113.0/24\n198.51.100.7/32\n');
  assert.match(narrow.config, /\n {2}http-request set-var\(txn\.blocked_space\) int\(1\) unless \{ src -f \/m\/trusted-space-sa\.acl \}\n/);
  // Open, narrowed or empty (which blocks everything): the same configuration, other patterns.
  for (const rules of [[{ action: 'allow' as const, source: '0.0.0.0/0' }], []]) assert.equal(withRules(rules).config, narrow.config);
  assert.equal(withRules([]).maps.get('trusted-space-sa.acl'), '');
});

test('renderHaproxy() lets only the listed callers\' addresses into an internal app with a caller list, from one pattern file', () => {
  const [shop, api] = feed.apps;
  assert.ok(shop !== undefined && api !== undefined);
  const withList: NamespacedRouteFeed = { ...feed, apps: [{ ...shop, allowedCallers: ['10.0.128.5'] }, { ...api, allowedCallers: ['10.0.128.5', '10.0.144.6'] }] };
  const { config, maps } = renderHaproxy(withList, options);
  assert.equal(maps.get('callers-a2.acl'), '10.0.128.5\n10.0.144.6\n');
  assert.equal(maps.has('callers-a1.acl'), false, 'a public app has no caller list');
  const backendOf = (id: string): string => config.slice(config.indexOf(`backend app-${id}`)).split('\n\n')[0] ?? '';
  assert.doesNotMatch(backendOf('a1'), /caller/);
  const lines = backendOf('a2').split('\n').map((l) => l.trim());
  assert.deepEqual(lines.slice(2, 7), [
    'option forwardfor',
    'default-server check inter 2s fall 5 rise 1',
    'acl caller_allowed src -f /m/callers-a2.acl',
    'http-request set-var(txn.code) str(blocked-caller) if !caller_allowed',
    'http-request return status 403 content-type "text/html; charset=utf-8" file /p/caller-not-allowed.html hdr Cache-Control no-store if !caller_allowed',
  ]);
  assert.equal(renderHaproxy({ ...withList, apps: [{ ...api, allowedCallers: [] }] }, options).maps.get('callers-a2.acl'), '');
  // Without a list the same rules let every address in, so a list comes and goes at run time.
  const open = renderHaproxy(feed, options);
  assert.equal(open.maps.get('callers-a2.acl'), '0.0.0.0/0\n');
  assert.equal(open.config, config);
});

test('renderHaproxy() names each slot\'s dyno in a runtime map that HAProxy writes into the router line, tagged with the app', () => {
  const { config, maps } = renderHaproxy(feed, options);
  assert.equal(maps.get('dynos.map'), 'app-a1/s1 web.1\n');
  assert.equal(runtimeFileKind('dynos.map'), null, 'changed by the router slot by slot, not as a file');
  const format = /\n {2}log-format "(.*)"\n/.exec(config)?.[1] ?? '';
  // The app's backend, the end marker, the Heroku line, the fields the other lines need.
  assert.deepEqual(format.split('\\t').map((f) => f.slice(0, 12)), ['%b', '%tsc%[var(tx', 'at=info meth', '%[date(0,ms)']);
  assert.match(format, / dyno=%\{-M\}\[be_name,concat\(\/,txn\.slot\),map\(\/m\/dynos\.map,\)\] /);
  // Quoted values escape quotes and backslashes.
  assert.match(format, / path=\\"%\{\+E\}\[capture\.req\.uri\]\\" /);
  assert.match(format, / fwd=\\"%\{\+E,-M\}\[capture\.req\.hdr\(1\),concat\(\\", \\"\)\]%ci\\" /);
  // Requests for no app log nothing.
  assert.match(config, /\nbackend unknown-host\n {2}http-request set-log-level silent\n/);
});

test('renderHaproxy() serves HTTPS on each space\'s internal address, port 443, with the internal host map and Heroku\'s HTTPS headers', () => {
  const withTls = { ...options, https: { host: '0.0.0.0', port: 443, defaultCertificate: 'DEFAULT PEM\n' } };
  const { config, maps } = renderHaproxy(feed, withTls);
  const frontends = config.split('\n\n').filter((block) => block.startsWith('frontend '));
  const internalHttps = frontends.find((f) => f.startsWith('frontend internal-https-sa\n')) ?? '';
  const internalHttp = frontends.find((f) => f.startsWith('frontend internal-sa\n')) ?? '';
  const lines = internalHttps.split('\n').map((l) => l.trim());
  assert.equal(lines[1], 'bind 10.0.0.10:443 namespace cvs-aaaa ssl crt-list /m/crt-list-internal-sa.txt alpn http/1.1');
  assert.ok(lines.includes('http-request set-header X-Forwarded-Proto https'));
  assert.ok(lines.includes('http-request set-header X-Forwarded-Port %[dst_port]'));
  // Everything else as on the internal HTTP listener: the same request rules and host map, no hairpin.
  const body = (frontend: string): string[] => frontend.split('\n').slice(2).map((l) => l.replace('X-Forwarded-Proto https', 'X-Forwarded-Proto http'));
  assert.deepEqual(body(internalHttps), body(internalHttp));
  assert.ok(internalHttp.includes('map(/m/internal-sa.map,unknown-host)'));
  assert.equal(maps.get('crt-list-internal-sa.txt'), '/m/cert-default.pem\n');
  assert.equal(maps.get('cert-default.pem'), 'DEFAULT PEM\n');
  // Without a default certificate there is no HTTPS at all, public or internal.
  assert.doesNotMatch(renderHaproxy(feed, options).config, /:443| ssl crt-list/);
});

test('renderHaproxy() serves an SNI certificate only on the listener that routes its app: public, or its own space\'s internal one', () => {
  const withTls = { ...options, https: { host: '0.0.0.0', port: 443, defaultCertificate: 'DEFAULT PEM\n' } };
  const [shop, api] = feed.apps;
  assert.ok(shop !== undefined && api !== undefined);
  const twoSpaces: NamespacedRouteFeed = {
    ...feed,
    spaces: [...feed.spaces, { spaceId: 'sb', namespace: 'cvs-bbbb', internalAddress: '10.1.0.10' }],
    apps: [shop, api, { ...api, appId: 'b1', name: 'ledger', spaceId: 'sb', namespace: 'cvs-bbbb', hostnames: ['ledger.apps.test', 'ledger.corp.example'] }],
    certificates: [
      { id: 'c-shop', appId: 'a1', pem: 'SHOP PEM\n' },
      { id: 'c-api', appId: 'a2', pem: 'API PEM\n' },
      { id: 'c-ledger', appId: 'b1', pem: 'LEDGER PEM\n' },
      { id: 'c-gone', appId: 'zz', pem: 'GONE PEM\n' },
    ],
  };
  const { config, maps } = renderHaproxy(twoSpaces, withTls);
  assert.equal(maps.get('crt-list.txt'), '/m/cert-default.pem\n/m/cert-c-shop.pem\n');
  assert.equal(maps.get('crt-list-internal-sa.txt'), '/m/cert-default.pem\n/m/cert-c-api.pem\n');
  assert.equal(maps.get('crt-list-internal-sb.txt'), '/m/cert-default.pem\n/m/cert-c-ledger.pem\n');
  assert.equal(maps.get('cert-c-ledger.pem'), 'LEDGER PEM\n');
  assert.equal(maps.has('cert-c-gone.pem'), false, 'a certificate of an app the feed does not route');
  assert.equal(maps.get('internal-sb.map'), 'ledger.apps.test app-b1\nledger.corp.example app-b1\n');
  assert.match(config, /\n {2}bind 10\.1\.0\.10:443 namespace cvs-bbbb ssl crt-list \/m\/crt-list-internal-sb\.txt alpn http\/1\.1\n/);
  // Certificates are read at start only.
  assert.deepEqual(['crt-list-internal-sa.txt', 'cert-c-api.pem'].map(runtimeFileKind), [null, null]);
});

test('isHttpsFrontend() is true for exactly the rendered frontends that terminate TLS', () => {
  const withTls = { ...options, https: { host: '0.0.0.0', port: 443, defaultCertificate: 'DEFAULT PEM\n' } };
  const frontends = renderHaproxy(feed, withTls).config.split('\n\n').filter((b) => b.startsWith('frontend ') && !b.startsWith('frontend metrics'));
  const verdicts = frontends.map((f) => [f.split('\n')[0]?.slice('frontend '.length), isHttpsFrontend(f.split('\n')[0]?.slice('frontend '.length) ?? ''), / ssl /.test(f)]);
  assert.deepEqual(verdicts.map(([name]) => name), ['public-http', 'public-https', 'internal-sa', 'internal-https-sa']);
  for (const [name, https, ssl] of verdicts) assert.equal(https, ssl, String(name));
});
