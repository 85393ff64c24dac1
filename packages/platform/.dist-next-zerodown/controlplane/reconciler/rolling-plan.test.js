import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dynosToStart, rollingBatchSize, shouldStop } from './rolling-plan.js';
const APP = 'app-1';
function spec(number, release, spaceId = 'space-1', type = 'web') {
    return {
        id: `${release}-${type}.${number}`,
        appId: APP,
        appName: 'app',
        spaceId,
        zone: spaceId === null ? null : 'a',
        type,
        number,
        name: `${type}.${number}`,
        releaseId: release,
        releaseVersion: 1,
        command: 'node server.js',
        env: {},
        size: 'Private-M',
        limits: { memoryMb: 512, pids: 256, cpuPercent: 100 },
        slug: { id: release, url: 'http://127.0.0.1/slugs/x/blob', sha256: '0'.repeat(64) },
        restart: 'always',
        listens: type === 'web',
        bootTimeoutSeconds: 60,
    };
}
function status(s, state) {
    return { id: s.id, appId: s.appId, spaceId: s.spaceId, name: s.name, type: s.type, zone: s.zone, releaseId: s.releaseId, state, privateIp: null, port: null, updatedAt: '' };
}
/**
 * Runs the plan like the reconciler does, one pass at a time: start what it says (new dynos
 * start `starting`), then stop what it says; between passes every starting dyno comes up.
 * Returns the fewest `up` web dynos seen at any point and the number of passes.
 */
function roll(quantity, spaceId) {
    const old = Array.from({ length: quantity }, (_, i) => spec(i + 1, 'v1', spaceId));
    const desired = Array.from({ length: quantity }, (_, i) => spec(i + 1, 'v2', spaceId));
    let actual = old.map((s) => status(s, 'up'));
    let minUp = quantity;
    let maxStarting = 0;
    let passes = 0;
    const up = () => actual.filter((d) => d.state === 'up').length;
    while (passes < 100) {
        passes++;
        const start = dynosToStart(desired, actual);
        actual = [...actual, ...start.map((s) => status(s, 'starting'))];
        maxStarting = Math.max(maxStarting, actual.filter((d) => d.state === 'starting').length);
        const desiredIds = new Set(desired.map((d) => d.id));
        const stop = actual.filter((d) => !desiredIds.has(d.id) && shouldStop(d, { desired, actual, liveApps: new Set([APP]), zoneFailed: false }));
        actual = actual.filter((d) => !stop.includes(d));
        minUp = Math.min(minUp, up());
        if (actual.length === quantity && actual.every((d) => desiredIds.has(d.id) && d.state === 'up'))
            break;
        actual = actual.map((d) => (d.state === 'starting' ? { ...d, state: 'up' } : d));
    }
    return { minUp, passes, maxStarting, final: actual };
}
test('rollingBatchSize() is 25 % rounded up, at least one', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 8, 10].map(rollingBatchSize), [1, 1, 1, 1, 2, 2, 3]);
});
test('dynosToStart() rolls 4 web dynos in a space one at a time, never fewer than 4 up', () => {
    const result = roll(4, 'space-1');
    assert.equal(result.maxStarting, 1);
    assert.equal(result.minUp, 4);
    assert.equal(result.passes, 5);
    assert.deepEqual(result.final.map((d) => d.releaseId), ['v2', 'v2', 'v2', 'v2']);
});
test('dynosToStart() rolls 10 dynos 3 at a time', () => {
    const result = roll(10, 'space-1');
    assert.equal(result.maxStarting, 3);
    assert.equal(result.minUp, 10);
});
test('a one-dyno app in a space starts its new dyno, then stops the old one', () => {
    const result = roll(1, 'space-1');
    assert.equal(result.minUp, 1);
    assert.equal(result.final[0]?.releaseId, 'v2');
});
test('apps outside a space replace every dyno at once', () => {
    const result = roll(4, null);
    assert.equal(result.maxStarting, 4);
    assert.equal(result.passes, 2);
});
test('a replacement that does not come up stalls the roll and keeps the old dyno serving', () => {
    const old = [1, 2].map((n) => spec(n, 'v1'));
    const desired = [1, 2].map((n) => spec(n, 'v2'));
    const actual = [...old.map((s) => status(s, 'up')), status(desired[0], 'crashed')];
    assert.deepEqual(dynosToStart(desired, actual), []);
    const context = { desired, actual, liveApps: new Set([APP]), zoneFailed: false };
    assert.equal(shouldStop(actual[0], context), false);
    assert.equal(shouldStop(actual[1], context), false);
});
test('scaling up starts new dyno numbers at once; scaling down and failed zones stop at once', () => {
    const desired = [1, 2, 3, 4].map((n) => spec(n, 'v1'));
    const actual = [status(desired[0], 'up')];
    assert.deepEqual(dynosToStart(desired, actual).map((s) => s.name), ['web.2', 'web.3', 'web.4']);
    const extra = status(spec(5, 'v1'), 'up');
    const context = { desired, actual: [...actual, extra], liveApps: new Set([APP]), zoneFailed: false };
    assert.equal(shouldStop(extra, context), true);
    const old = status(spec(1, 'v0'), 'up');
    assert.equal(shouldStop(old, { ...context, actual: [old, ...actual], zoneFailed: true }), true);
    assert.equal(shouldStop(old, { ...context, actual: [old], liveApps: new Set() }), true);
});
//# sourceMappingURL=rolling-plan.test.js.map