import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { serveLogStream } from './log-stream.js';
async function setup(t, options) {
    const dir = await mkdtemp(join(tmpdir(), 'cove-log-stream-'));
    const store = new SqliteStore(join(dir, 'cove.db'));
    const now = new Date().toISOString();
    store.accounts.createUser({ id: 'u1', email: 'a@example.com', name: null, passwordHash: null, serverAdmin: true, createdAt: now, updatedAt: now, lastLogin: null });
    store.apps.create({
        id: 'app1', name: 'app1', ownerId: 'u1', teamId: null, spaceId: null, region: 'local', internalRouting: null, maintenance: false,
        stack: 'heroku-24', buildpackDescription: null, config: {}, createdAt: now, updatedAt: now, releasedAt: null,
    });
    const session = { id: 's', appId: 'app1', lines: 10, tail: true, expiresAt: Date.now() + 60_000 };
    const server = createServer((_req, res) => serveLogStream(store, res, session, null, options));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    t.after(async () => {
        server.closeAllConnections();
        server.close();
        store.close();
        await rm(dir, { recursive: true, force: true });
    });
    return { store, port: server.address().port, session };
}
test('serveLogStream() ends a tail at the next heartbeat once its app is destroyed', async (t) => {
    const { store, port } = await setup(t, { heartbeatMs: 20 });
    const res = await new Promise((resolve) => request({ port, host: '127.0.0.1' }, resolve).end());
    res.resume();
    store.apps.destroy('app1');
    await once(res, 'end');
});
test('serveLogStream() cuts a tail whose client stops reading, instead of queueing without bound', async (t) => {
    const { store, port } = await setup(t, { maxQueuedBytes: 64 * 1024 });
    const res = await new Promise((resolve) => request({ port, host: '127.0.0.1' }, resolve).end());
    res.pause(); // a client that never reads
    let aborted = false;
    res.on('error', () => (aborted = true)); // the server destroys the connection
    const closed = new Promise((resolve) => res.once('close', resolve)); // once() would reject on 'error'
    const big = 'x'.repeat(4096);
    const now = new Date().toISOString();
    // Socket buffers absorb some; 32 MiB is far beyond any of them.
    for (let i = 0; i < 8192; i++)
        store.appendLog({ appId: 'app1', time: now, source: 'app', dyno: 'web.1', message: big });
    await closed;
    assert.equal(aborted, true);
    assert.ok(store.recentLogs('app1', 10).length === 10, 'the lines are still stored');
});
//# sourceMappingURL=log-stream.test.js.map