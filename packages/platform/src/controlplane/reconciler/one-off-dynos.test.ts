import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { DynoStatus } from '../../backends/runtime.js';
import type { OneOffDynoRecord } from '../store/records.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { ATTACH_CLAIM_TIMEOUT_MS, settleOneOffDynos } from './one-off-dynos.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');

function withStore(fn: (store: SqliteStore) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'cove-one-off-'));
  const store = new SqliteStore(join(dir, 'cove.db'));
  try {
    const at = new Date(T0).toISOString();
    store.tables.users.insert({ id: 'u', email: 'u@example.test', name: null, passwordHash: null, serverAdmin: false, createdAt: at, updatedAt: at, lastLogin: null });
    store.tables.apps.insert({
      id: 'app-1', name: 'shell', ownerId: 'u', teamId: null, spaceId: null, region: 'local', internalRouting: null, maintenance: false,
      stack: 'heroku-24', buildpackDescription: null, config: {}, createdAt: at, updatedAt: at, releasedAt: null,
    });
    fn(store);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function oneOff(id: string, overrides: Partial<OneOffDynoRecord> = {}): OneOffDynoRecord {
  const at = new Date(T0).toISOString();
  return {
    id, appId: 'app-1', number: Number(id.slice(-4)), name: `run.${id.slice(-4)}`, command: 'bash', size: 'Standard-1X', env: {},
    attach: false, tty: false, columns: null, lines: null, releaseId: 'r1', secretHash: null, state: 'started',
    expiresAt: new Date(T0 + 3_600_000).toISOString(), createdAt: at, updatedAt: at, ...overrides,
  };
}

function status(id: string, state: DynoStatus['state']): DynoStatus {
  return { id, appId: 'app-1', spaceId: null, name: `run.${id.slice(-4)}`, type: 'run', zone: null, releaseId: 'r1', state, privateIp: null, port: null, updatedAt: '' };
}

test('settleOneOffDynos() keeps running and pending one-offs, drops ended, vanished, expired and unclaimed ones', () => {
  withStore((store) => {
    store.tables.oneOffDynos.insert(oneOff('run-1001'));
    store.tables.oneOffDynos.insert(oneOff('run-1002', { state: 'pending' }));
    store.tables.oneOffDynos.insert(oneOff('run-1003'));
    store.tables.oneOffDynos.insert(oneOff('run-1004'));
    store.tables.oneOffDynos.insert(oneOff('run-1005', { expiresAt: new Date(T0 + 1000).toISOString() }));
    store.tables.oneOffDynos.insert(oneOff('run-1006', { attach: true, secretHash: 'a'.repeat(64), state: 'pending' }));
    store.tables.oneOffDynos.insert(oneOff('run-1007', { attach: true, secretHash: null }));
    const actual = [status('run-1001', 'up'), status('run-1003', 'crashed'), status('run-1005', 'up'), status('run-1007', 'up')];
    settleOneOffDynos(store, actual, T0 + 500);
    assert.deepEqual(store.tables.oneOffDynos.select('', [], 'ORDER BY id').map((r) => r.id), ['run-1001', 'run-1002', 'run-1005', 'run-1006', 'run-1007']);
    settleOneOffDynos(store, actual, T0 + ATTACH_CLAIM_TIMEOUT_MS);
    assert.deepEqual(store.tables.oneOffDynos.select('', [], 'ORDER BY id').map((r) => r.id), ['run-1001', 'run-1002', 'run-1007']);
  });
});
