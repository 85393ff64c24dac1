/**
 * A real store on a temporary SQLite file for the domain's unit tests (no mocks).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';

export async function domainTestStore(t: TestContext): Promise<SqliteStore> {
  const dir = await mkdtemp(join(tmpdir(), 'cove-domain-'));
  const store = new SqliteStore(join(dir, 'cove.db'));
  t.after(async () => {
    store.close();
    await rm(dir, { recursive: true, force: true });
  });
  return store;
}
