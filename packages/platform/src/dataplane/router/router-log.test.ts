import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRouterLog } from './router-log.js';

type Fields = Partial<Record<'status' | 'server' | 'tsc' | 'code' | 'stopping' | 'connect' | 'dyno' | 'path' | 'fwd' | 'protocol', string>>;

/** A line as HAProxy writes it (`logFormat`): tag, end marker, its Heroku line, and the fields for the others. */
const line = (f: Fields): string => {
  const status = f.status ?? '200';
  const heroku = `at=info method=GET path="${f.path ?? '/a?b=1'}" host=shop.apps.test request_id=f1e2d3c4-0000-4000-8000-000000000000 fwd="${f.fwd ?? '203.0.113.100'}" dyno=${f.dyno ?? 'web.1'} connect=${f.connect ?? '1'}ms service=6ms status=${status} bytes=278 protocol=${f.protocol ?? 'http'}`;
  const server = f.server ?? 's1';
  const address = server === '<NOSRV>' ? '-:-' : '10.0.128.11:5000';
  return ['app-1234', `${f.tsc ?? '----'}${f.code ?? '-'}${f.stopping ?? '0'}`, heroku, `6 ${status} ${f.connect ?? '1'} ${server} ${address} 4242.17`].join('\t');
};
const dynoAt = (app: string, address: string): string | undefined => (app === '1234' && address === '10.0.128.11:5000' ? 'web.1' : undefined);

test('parseRouterLog() takes the Heroku line of a request that ended normally as HAProxy wrote it', () => {
  const entry = parseRouterLog(line({}));
  assert.equal(entry?.appId, '1234');
  assert.equal(
    entry?.message,
    'at=info method=GET path="/a?b=1" host=shop.apps.test request_id=f1e2d3c4-0000-4000-8000-000000000000 fwd="203.0.113.100" dyno=web.1 connect=1ms service=6ms status=200 bytes=278 protocol=http',
  );
  assert.equal(entry?.code, null);
  assert.equal(entry?.status, 200);
  assert.equal(entry?.serviceMs, 6);
  assert.match(parseRouterLog(line({ protocol: 'https' }))?.message ?? '', / protocol=https$/);
});

test('parseRouterLog() rebuilds a line that did not end normally into the same Heroku line when it is no error', () => {
  // A client closing its connection after a full answer, and a line of a finishing process.
  for (const fields of [{ tsc: 'CD--' }, { stopping: '1' }]) {
    assert.equal(parseRouterLog(line(fields), { dynoAt })?.message, parseRouterLog(line({}))?.message);
  }
});

test('parseRouterLog() logs an upgraded connection as served however it closes, unless it fell silent', () => {
  for (const tsc of ['CD--', 'SD--', '----']) {
    assert.match(parseRouterLog(line({ status: '101', tsc }), { dynoAt })?.message ?? '', /^at=info .* status=101 /);
  }
  const idle = parseRouterLog(line({ status: '101', tsc: 'sD--' }), { dynoAt });
  assert.equal(idle?.code, 'H15');
  assert.match(idle?.message ?? '', /^at=error code=H15 desc="Idle connection" .* dyno=web\.1 .* status=101 /);
});

test('parseRouterLog() keeps HAProxy\'s escaped path and fwd when it rebuilds a line', () => {
  const path = '/q=\\"x\\\\y\\"';
  const fwd = 'a\\"b, 203.0.113.100';
  const message = parseRouterLog(line({ tsc: 'SD--', path, fwd }), { dynoAt })?.message ?? '';
  assert.equal(
    message,
    `at=error code=H18 desc="Server Request Interrupted" method=GET path="${path}" host=shop.apps.test request_id=f1e2d3c4-0000-4000-8000-000000000000 fwd="${fwd}" dyno=web.1 connect=1ms service=6ms status=503 bytes=278 protocol=http`,
  );
});

test('parseRouterLog() maps HAProxy terminations to Heroku error codes, all as 503s', () => {
  const cases: [Fields, string][] = [
    [{ status: '504', tsc: 'sH--' }, 'code=H12 desc="Request timeout"'],
    [{ status: '502', tsc: 'SH--' }, 'code=H13 desc="Connection closed without response"'],
    [{ status: '503', tsc: 'SC--', connect: '-1', dyno: '' }, 'code=H21 desc="Backend connection refused"'],
    [{ status: '503', server: '<NOSRV>', code: 'H14', dyno: '' }, 'code=H14 desc="No web processes running"'],
    [{ status: '503', server: '<NOSRV>', code: 'H10', dyno: '' }, 'code=H10 desc="App crashed"'],
  ];
  for (const [fields, expected] of cases) {
    const message = parseRouterLog(line(fields), { dynoAt })?.message ?? '';
    assert.ok(message.startsWith(`at=error ${expected} method=GET`), message);
    assert.match(message, / status=503 /);
  }
  // The dyno a refused connection was for, by its address; never a negative connect time.
  assert.match(parseRouterLog(line({ status: '503', tsc: 'SC--', connect: '-1', dyno: '' }), { dynoAt })?.message ?? '', / dyno=web\.1 connect=0ms service=6ms status=503 /);
  assert.match(parseRouterLog(line({ status: '503', server: '<NOSRV>', code: 'H14', dyno: '' }))?.message ?? '', / dyno= connect=/);
  // HAProxy's own 503 when no server is in service: the app's idle code.
  const none = line({ status: '503', server: '<NOSRV>', tsc: 'SC--', connect: '-1', dyno: '' });
  assert.match(parseRouterLog(none, { idleCode: () => 'H10' })?.message ?? '', /^at=error code=H10 desc="App crashed" .* dyno= connect=0ms .* status=503 /);
  assert.match(parseRouterLog(none)?.message ?? '', /^at=error code=H14 /);
  // A client that left before the answer.
  assert.match(parseRouterLog(line({ status: '-1', tsc: 'CH--' }), { dynoAt })?.message ?? '', /^at=error code=H27 desc="Client Request Interrupted" .* status=499 /);
});

test('parseRouterLog() reports blocked requests and ignores unknown hosts and foreign lines', () => {
  assert.match(parseRouterLog(line({ status: '403', server: '<NOSRV>', tsc: 'PR--', code: 'blocked', dyno: '' }))?.message ?? '', /^at=error desc="Source address not in the space's trusted IP ranges" .* status=403 /);
  assert.match(parseRouterLog(line({ status: '403', server: '<NOSRV>', tsc: 'PR--', code: 'blocked-caller', dyno: '' }))?.message ?? '', /^at=error desc="Caller app not allowed" method=GET .* dyno= .* status=403 /);
  assert.equal(parseRouterLog(line({ status: '404', server: '<NOSRV>' }).replace('app-1234', 'unknown-host')), null);
  assert.equal(parseRouterLog('Proxy public-http started.'), null);
  assert.equal(parseRouterLog('app-1234 truncated'), null);
});

test('parseRouterLog() gives lines of a finishing HAProxy process a key, as they may arrive twice', () => {
  assert.equal(parseRouterLog(line({}))?.duplicateKey, null);
  assert.equal(parseRouterLog(line({ stopping: '1' }))?.duplicateKey, '4242.17');
});
