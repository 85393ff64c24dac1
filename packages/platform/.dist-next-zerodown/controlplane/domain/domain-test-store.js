/**
 * A real store on a temporary SQLite file for the domain's unit tests (no mocks).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
export async function domainTestStore(t) {
    const dir = await mkdtemp(join(tmpdir(), 'cove-domain-'));
    const store = new SqliteStore(join(dir, 'cove.db'));
    t.after(async () => {
        store.close();
        await rm(dir, { recursive: true, force: true });
    });
    return store;
}
const at = '2026-01-01T00:00:00.000Z';
/** Runs `fn` on a store in a temporary directory with one user and one app (outside any space). */
export function withAppStore(fn) {
    const dir = mkdtempSync(join(tmpdir(), 'cove-domain-'));
    const store = new SqliteStore(join(dir, 'cove.db'));
    try {
        const user = store.accounts.createUser({ id: 'u', email: 'u@example.test', name: null, passwordHash: null, serverAdmin: false, createdAt: at, updatedAt: at, lastLogin: null });
        const app = {
            id: 'a', name: 'app', ownerId: 'u', teamId: null, spaceId: null, region: 'local', internalRouting: null, maintenance: false,
            stack: 'heroku-24', buildpackDescription: null, config: {}, createdAt: at, updatedAt: at, releasedAt: null,
        };
        store.apps.create(app);
        fn(store, app, user);
    }
    finally {
        store.close();
        rmSync(dir, { recursive: true, force: true });
    }
}
//# sourceMappingURL=domain-test-store.js.map