import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { AppRecord } from '../store/records.js';
import { addAppDrain, MAX_DRAINS_PER_APP, removeAppDrain, validateDrainUrl } from './log-drains.js';

const at = '2026-01-01T00:00:00.000Z';

test('drain URLs are checked and normalised', () => {
  assert.equal(validateDrainUrl(' syslog+tls://logs.example.test:6514/ignored '), 'syslog+tls://logs.example.test:6514');
  assert.equal(validateDrainUrl('https://logs.example.test/in'), 'https://logs.example.test/in');
  assert.throws(() => validateDrainUrl('syslog://logs.example.test'), { id: 'invalid_params' });
  assert.throws(() => validateDrainUrl('ftp://logs.example.test'), { id: 'invalid_params' });
  assert.throws(() => validateDrainUrl(3), { id: 'invalid_params' });
});

test('an app has each drain URL once and at most five drains', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cove-drains-'));
  const store = new SqliteStore(join(dir, 'cove.db'));
  try {
    const user = store.accounts.createUser({ id: 'u', email: 'u@example.test', name: null, passwordHash: null, serverAdmin: false, createdAt: at, updatedAt: at, lastLogin: null });
    const app: AppRecord = {
      id: 'a', name: 'app', ownerId: 'u', teamId: null, spaceId: null, region: 'local', internalRouting: null, maintenance: false,
      stack: 'heroku-24', buildpackDescription: null, config: {}, createdAt: at, updatedAt: at, releasedAt: null,
    };
    store.apps.create(app);
    const drains = Array.from({ length: MAX_DRAINS_PER_APP }, (_, i) => addAppDrain(store, app, user, `https://logs.example.test/${i}`));
    assert.throws(() => addAppDrain(store, app, user, 'https://logs.example.test/0'), { id: 'invalid_params', message: 'Url has already been taken' });
    assert.throws(() => addAppDrain(store, app, user, 'https://logs.example.test/9'), { id: 'unprocessable_entity' });
    // By token, id or URL.
    removeAppDrain(store, app, user, drains[0]?.token ?? '');
    removeAppDrain(store, app, user, 'https://logs.example.test/1');
    assert.equal(store.logDrains.ofApp(app.id).length, MAX_DRAINS_PER_APP - 2);
    assert.throws(() => removeAppDrain(store, app, user, 'nope'), { id: 'not_found' });
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
