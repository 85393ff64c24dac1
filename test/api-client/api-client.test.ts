import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { ApiClient, ApiRequestError } from '@cove/api-client';

describe('@cove/api-client', () => {
  const seen: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.url === '/missing') {
        res.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: 'not_found', message: "Couldn't find that app.", resource: 'app' }));
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json', 'Warning-Message': 'careful' }).end(JSON.stringify({ ok: true }));
    });
  });
  let url = '';
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  test('sends the v3 Accept header, Bearer token, CSRF token and JSON body; reports warnings', async () => {
    const warnings: string[] = [];
    const client = new ApiClient({ apiUrl: `${url}/`, token: 'HRKU-x', csrfToken: () => 'csrf-1', onWarning: (w) => warnings.push(w) });
    assert.deepEqual(await client.patch('/apps/a/config-vars', { A: '1' }), { ok: true });
    const req = seen.at(-1);
    assert.equal(req?.method, 'PATCH');
    assert.equal(req?.url, '/apps/a/config-vars');
    assert.equal(req?.headers.accept, 'application/vnd.heroku+json; version=3');
    assert.equal(req?.headers.authorization, 'Bearer HRKU-x');
    assert.equal(req?.headers['x-csrf-token'], 'csrf-1');
    assert.equal(req?.headers['content-type'], 'application/json');
    assert.equal(req?.body, '{"A":"1"}');
    assert.deepEqual(warnings, ['careful']);
  });

  test("an error answer becomes ApiRequestError with the API's own message (or the caller's error)", async () => {
    const client = new ApiClient({ apiUrl: url });
    await assert.rejects(client.get('/missing'), (e: unknown) => {
      assert.ok(e instanceof ApiRequestError);
      assert.equal(e.message, "Couldn't find that app.");
      assert.equal(e.status, 404);
      assert.equal(e.id, 'not_found');
      assert.equal(e.resource, 'app');
      return true;
    });
    assert.equal(seen.at(-1)?.headers.authorization, undefined);
    const custom = new ApiClient({ apiUrl: url, errorFor: (init) => new Error(`custom ${init.status}`) });
    await assert.rejects(custom.get('/missing'), /custom 404/);
    const unreachable = new ApiClient({ apiUrl: 'http://127.0.0.1:1', networkError: (apiUrl) => new Error(`cannot reach ${apiUrl}`) });
    await assert.rejects(unreachable.get('/x'), /cannot reach http:\/\/127\.0\.0\.1:1/);
  });
});
