import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuntimeError } from '../../shared/errors.js';
import { ResourceFailures } from './resource-failures.js';
test('retryable failures back off exponentially up to the cap, and a success resets them', () => {
    let now = 0;
    const failures = new ResourceFailures({ baseMs: 1000, capMs: 8000, now: () => now });
    const error = new RuntimeError('EXEC_FAILED', 'ip failed');
    const delays = [];
    for (let i = 0; i < 6; i++) {
        assert.equal(failures.waiting('space-1'), false, `attempt ${i} may run`);
        const verdict = failures.failed('space-1', error);
        assert.equal(verdict.permanent, false);
        assert.equal(verdict.isNew, i === 0, 'the same message is new only once');
        delays.push(verdict.retryInMs);
        assert.equal(failures.waiting('space-1'), true);
        assert.equal(failures.nextRetryInMs(), verdict.retryInMs);
        now += verdict.retryInMs ?? 0;
    }
    assert.deepEqual(delays, [1000, 2000, 4000, 8000, 8000, 8000]);
    failures.succeeded('space-1');
    assert.equal(failures.waiting('space-1'), false);
    assert.equal(failures.nextRetryInMs(), null);
    assert.equal(failures.failed('space-1', error).retryInMs, 1000, 'a new failure starts from the base again');
});
test('errors that are not RuntimeErrors are retryable', () => {
    const failures = new ResourceFailures({ now: () => 0 });
    assert.equal(failures.failed('d', new Error('boom')).permanent, false);
    assert.equal(failures.failed('e', 'text').message, 'text');
});
test('a permanent failure stops attempts until the key changes; retain() forgets keys that went away', () => {
    let now = 0;
    const failures = new ResourceFailures({ now: () => now });
    const verdict = failures.failed('dyno-1', new RuntimeError('SLUG_INVALID', 'bad slug', { retryable: false }));
    assert.deepEqual(verdict, { permanent: true, message: 'bad slug', retryInMs: null, isNew: true });
    now += 3_600_000;
    assert.equal(failures.waiting('dyno-1'), true);
    assert.equal(failures.permanentFailure('dyno-1'), 'bad slug');
    assert.equal(failures.nextRetryInMs(), null, 'nothing to retry');
    failures.retain(new Set(['dyno-2']));
    assert.equal(failures.waiting('dyno-1'), false);
    assert.equal(failures.permanentFailure('dyno-1'), null);
});
//# sourceMappingURL=resource-failures.test.js.map