import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRouterLog } from './router-log.js';

const line = (fields: Partial<Record<'frontend' | 'status' | 'server' | 'tsc' | 'code' | 'xff' | 'stopping', string>>): string =>
  [
    '203.0.113.100', fields.frontend ?? 'public-http', 'GET', fields.status ?? '200', '278', '1', '7', 'app-1234', fields.server ?? 's1',
    fields.tsc ?? '----', 'f1e2d3c4-0000-4000-8000-000000000000', fields.code ?? '-', fields.xff ?? '-', 'shop.apps.test:80', '/a?b=1',
    '10.0.128.11:5000', fields.stopping ?? '0', '4242.17',
  ].join('\t');

test('parseRouterLog() turns a served request into a Heroku info line', () => {
  const entry = parseRouterLog(line({}), { dynoAt: (app, address) => (app === '1234' && address === '10.0.128.11:5000' ? 'web.1' : undefined) });
  assert.equal(entry?.appId, '1234');
  assert.equal(
    entry?.message,
    'at=info method=GET path="/a?b=1" host=shop.apps.test request_id=f1e2d3c4-0000-4000-8000-000000000000 fwd="203.0.113.100" dyno=web.1 connect=1ms service=6ms status=200 bytes=278 protocol=http',
  );
  assert.equal(entry?.code, null);
});

test('parseRouterLog() names the protocol by the listener the request came in on', () => {
  assert.match(parseRouterLog(line({ frontend: 'public-https' }))?.message ?? '', / protocol=https$/);
  assert.match(parseRouterLog(line({ frontend: 'internal-space1' }))?.message ?? '', / protocol=http$/);
  assert.match(parseRouterLog(line({ frontend: 'internal-https-space1' }))?.message ?? '', / protocol=https$/);
});

test('parseRouterLog() logs an upgraded connection as served however it closes, unless it fell silent', () => {
  for (const tsc of ['CD--', 'SD--', '----']) {
    assert.match(parseRouterLog(line({ status: '101', tsc }))?.message ?? '', /^at=info .* status=101 /);
  }
  const idle = parseRouterLog(line({ status: '101', tsc: 'sD--' }));
  assert.equal(idle?.code, 'H15');
  assert.match(idle?.message ?? '', /^at=error code=H15 desc="Idle connection" .* status=101 /);
});

test('parseRouterLog() appends the client to a received X-Forwarded-For', () => {
  assert.match(parseRouterLog(line({ xff: '198.51.100.7' }))?.message ?? '', / fwd="198\.51\.100\.7, 203\.0\.113\.100" /);
});

test('parseRouterLog() escapes quotes and backslashes inside quoted values', () => {
  const message = parseRouterLog(line({ xff: 'a"b' }).replace('/a?b=1', '/q="x\\y"'))?.message ?? '';
  assert.match(message, / path="\/q=\\"x\\\\y\\"" host=/);
  assert.match(message, / fwd="a\\"b, 203\.0\.113\.100" /);
});

test('parseRouterLog() maps HAProxy terminations to Heroku error codes, all as 503s', () => {
  const cases: [Parameters<typeof line>[0], string][] = [
    [{ status: '504', tsc: 'sH--'}, 'code=H12 desc="Request timeout"'],
    [{ status: '502', tsc: 'SH--'}, 'code=H13 desc="Connection closed without response"'],
    [{ status: '503', tsc: 'SC--'}, 'code=H21 desc="Backend connection refused"'],
    [{ status: '503', server: '<NOSRV>', code: 'H14' }, 'code=H14 desc="No web processes running"'],
    [{ status: '503', server: '<NOSRV>', code: 'H10' }, 'code=H10 desc="App crashed"'],
  ];
  for (const [fields, expected] of cases) {
    const message = parseRouterLog(line(fields))?.message ?? '';
    assert.ok(message.startsWith(`at=error ${expected} method=GET`), message);
    assert.match(message, / status=503 /);
  }
  assert.match(parseRouterLog(line({ status: '503', server: '<NOSRV>', code: 'H14' }))?.message ?? '', / dyno= connect=/);
  // HAProxy's own 503 when no server is in service: the app's idle code.
  const none = line({ status: '503', server: '<NOSRV>', tsc: 'SC--'});
  assert.match(parseRouterLog(none, { idleCode: () => 'H10' })?.message ?? '', /^at=error code=H10 desc="App crashed" .* dyno= .* status=503 /);
  assert.match(parseRouterLog(none)?.message ?? '', /^at=error code=H14 /);
});

test('parseRouterLog() reports blocked requests and ignores unknown hosts and foreign lines', () => {
  assert.match(parseRouterLog(line({ status: '403', server: '<NOSRV>', code: 'blocked' }))?.message ?? '', /^at=error desc="Source address not in the space's trusted IP ranges" .* status=403 /);
  assert.match(parseRouterLog(line({ status: '403', server: '<NOSRV>', code: 'blocked-caller' }))?.message ?? '', /^at=error desc="Caller app not allowed" method=GET .* dyno= .* status=403 /);
  assert.equal(parseRouterLog(line({ status: '404', server: '<NOSRV>', code: 'unknown' }).replace('app-1234', 'unknown-host')), null);
  assert.equal(parseRouterLog('Proxy public-http started.'), null);
});

test('parseRouterLog() gives lines of a finishing HAProxy process a key, as they may arrive twice', () => {
  assert.equal(parseRouterLog(line({}))?.duplicateKey, null);
  assert.equal(parseRouterLog(line({ stopping: '1' }))?.duplicateKey, '4242.17');
});
