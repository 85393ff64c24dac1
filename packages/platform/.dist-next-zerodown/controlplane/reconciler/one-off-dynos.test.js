import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ATTACH_CLAIM_TIMEOUT_MS, settleOneOffDynos } from './one-off-dynos.js';
const T0 = Date.parse('2026-01-01T00:00:00Z');
/** The two one-off dyno operations settleOneOffDynos() uses, over an array. */
class OneOffDynos {
    records = [];
    insert(record) {
        this.records.push(record);
    }
    all() {
        return [...this.records];
    }
    remove(id) {
        const before = this.records.length;
        this.records = this.records.filter((r) => r.id !== id);
        return this.records.length < before;
    }
    ids() {
        return this.records.map((r) => r.id).sort();
    }
}
function oneOff(id, overrides = {}) {
    const at = new Date(T0).toISOString();
    return {
        id, appId: 'app-1', number: Number(id.slice(-4)), name: `run.${id.slice(-4)}`, command: 'bash', size: 'Standard-1X', env: {},
        attach: false, tty: false, columns: null, lines: null, releaseId: 'r1', secretHash: null, state: 'started',
        expiresAt: new Date(T0 + 3_600_000).toISOString(), createdAt: at, updatedAt: at, ...overrides,
    };
}
function status(id, state) {
    return { id, appId: 'app-1', spaceId: null, name: `run.${id.slice(-4)}`, type: 'run', zone: null, releaseId: 'r1', state, privateIp: null, port: null, updatedAt: '' };
}
test('settleOneOffDynos() keeps running and pending one-offs, drops ended, vanished, expired and unclaimed ones', () => {
    {
        const store = new OneOffDynos();
        store.insert(oneOff('run-1001'));
        store.insert(oneOff('run-1002', { state: 'pending' }));
        store.insert(oneOff('run-1003'));
        store.insert(oneOff('run-1004'));
        store.insert(oneOff('run-1005', { expiresAt: new Date(T0 + 1000).toISOString() }));
        store.insert(oneOff('run-1006', { attach: true, secretHash: 'a'.repeat(64), state: 'pending' }));
        store.insert(oneOff('run-1007', { attach: true, secretHash: null }));
        const actual = [status('run-1001', 'up'), status('run-1003', 'crashed'), status('run-1005', 'up'), status('run-1007', 'up')];
        settleOneOffDynos(store, actual, T0 + 500);
        assert.deepEqual(store.ids(), ['run-1001', 'run-1002', 'run-1005', 'run-1006', 'run-1007']);
        settleOneOffDynos(store, actual, T0 + ATTACH_CLAIM_TIMEOUT_MS);
        assert.deepEqual(store.ids(), ['run-1001', 'run-1002', 'run-1007']);
    }
});
//# sourceMappingURL=one-off-dynos.test.js.map