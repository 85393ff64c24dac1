import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { LOG_LINES_PER_APP } from '../store.js';
import { SqliteStore } from './sqlite-store.js';
async function tempFile(t) {
    const dir = await mkdtemp(join(tmpdir(), 'cove-log-lines-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    return join(dir, 'cove.db');
}
const line = (appId, message) => ({ appId, time: new Date().toISOString(), source: 'app', dyno: 'web.1', message });
/** What another connection (another process) finds in the file. */
function inFile(file, appId) {
    const db = new Database(file, { readonly: true });
    try {
        return db.prepare('SELECT message FROM log_lines WHERE app_id = ? ORDER BY seq').all(appId).map((r) => r.message);
    }
    finally {
        db.close();
    }
}
test('an appended line is numbered and reaches subscribers at once, and the file soon after', async (t) => {
    const file = await tempFile(t);
    const store = new SqliteStore(file);
    t.after(() => store.close());
    const seen = [];
    store.onLog((l) => seen.push(l));
    const a = store.appendLog(line('app1', 'one'));
    const b = store.appendLog(line('app1', 'two'));
    assert.equal(b.seq, a.seq + 1);
    assert.deepEqual(seen.map((l) => l.message), ['one', 'two'], 'subscribers do not wait for the write');
    assert.deepEqual(inFile(file, 'app1'), [], 'written behind, not per line');
    await sleep(1500); // FLUSH_MS is 1000
    assert.deepEqual(inFile(file, 'app1'), ['one', 'two'], 'written within the flush interval, with no read');
});
test('reads see lines not yet written, and a burst keeps the newest lines of each app', async (t) => {
    const store = new SqliteStore(await tempFile(t));
    t.after(() => store.close());
    store.appendLog(line('quiet', 'q0'));
    for (let i = 0; i < 5000; i++)
        store.appendLog(line('busy', `b${i}`));
    assert.deepEqual(store.recentLogs('quiet', 10).map((l) => l.message), ['q0']);
    const busy = store.recentLogs('busy', 5000);
    assert.equal(busy.length, LOG_LINES_PER_APP);
    assert.equal(busy[0]?.message, `b${5000 - LOG_LINES_PER_APP}`);
    assert.equal(busy.at(-1)?.message, 'b4999');
    const mark = store.lastLogSeq();
    store.appendLog(line('busy', 'later'));
    assert.deepEqual(store.logsAfter('busy', mark).map((l) => l.message), ['later']);
});
test('numbers keep rising across a restart, and a deleted app loses its pending lines too', async (t) => {
    const file = await tempFile(t);
    const first = new SqliteStore(file);
    first.appendLog(line('app1', 'before'));
    first.appendLog(line('gone', 'pending'));
    first.deleteLogs('gone');
    const last = first.appendLog(line('app1', 'written on close')).seq;
    first.close();
    assert.deepEqual(inFile(file, 'app1'), ['before', 'written on close']);
    assert.deepEqual(inFile(file, 'gone'), []);
    const second = new SqliteStore(file);
    t.after(() => second.close());
    assert.ok(second.appendLog(line('app1', 'after')).seq > last, 'a tail resuming after its last line misses nothing');
});
test('lines that cannot be written behind are reported, and the server carries on', async (t) => {
    const file = await tempFile(t);
    const errors = [];
    const store = new SqliteStore(file, { onLogWriteError: (error) => errors.push(error) });
    t.after(() => store.close());
    const other = new Database(file);
    other.exec('DROP TABLE log_lines');
    other.close();
    store.appendLog(line('app1', 'lost'));
    await sleep(1500); // FLUSH_MS is 1000
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]), /log_lines/);
});
//# sourceMappingURL=log-lines.test.js.map