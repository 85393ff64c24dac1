import assert from 'node:assert/strict';
import { test } from 'node:test';
import { orderReconcilers, ReconcileLoop } from './reconcile-loop.js';
import { CONVERGED } from './resource-reconciler.js';
/** A reconciler that records its runs in `log` and answers what `result` says. */
function fake(name, log, after = [], result = async () => CONVERGED) {
    return {
        name,
        after,
        async reconcile() {
            log.push(name);
            return result();
        },
    };
}
test('orderReconcilers() puts each reconciler after its dependencies and refuses cycles and strangers', () => {
    const log = [];
    const spaces = fake('spaces', log);
    const networks = fake('networks', log, [spaces]);
    const dynos = fake('dynos', log, [spaces, networks]);
    assert.deepEqual(orderReconcilers([dynos, networks, spaces]).map((r) => r.name), ['spaces', 'networks', 'dynos']);
    assert.throws(() => orderReconcilers([dynos, networks]), /"spaces" is a dependency but is not in the loop/);
    const a = { name: 'a', after: [], reconcile: async () => CONVERGED };
    const b = fake('b', log, [a]);
    a.after.push(b);
    assert.throws(() => orderReconcilers([a, b]), /cycle/);
});
test('a pass runs every reconciler once, in order; one that throws skips its dependents and the pass rejects', async () => {
    const log = [];
    let broken = true;
    const spaces = fake('spaces', log, [], async () => {
        if (broken)
            throw new Error('no spaces');
        return CONVERGED;
    });
    const dynos = fake('dynos', log, [spaces]);
    const other = fake('other', log);
    const loop = new ReconcileLoop([dynos, spaces, other], { intervalMs: 60_000 });
    await assert.rejects(loop.reconcileOnce(), /no spaces/);
    assert.deepEqual(log, ['spaces', 'other']);
    broken = false;
    log.length = 0;
    await loop.reconcileOnce();
    assert.deepEqual(log, ['spaces', 'dynos', 'other']);
});
test('passes never overlap, a trigger during a pass runs one more, and a back-off wakes the loop when it ends', async () => {
    const log = [];
    let running = 0;
    let overlapped = false;
    let retry = null;
    const slow = fake('slow', log, [], async () => {
        running++;
        if (running > 1)
            overlapped = true;
        await new Promise((r) => setTimeout(r, 20));
        running--;
        return { retryInMs: retry };
    });
    const errors = [];
    const loop = new ReconcileLoop([slow], { intervalMs: 60_000, onError: (m) => errors.push(m) });
    loop.start();
    loop.trigger();
    loop.trigger();
    const until = async (what, done) => {
        const deadline = Date.now() + 5000;
        while (!done()) {
            if (Date.now() > deadline)
                throw new Error(`Timed out waiting for ${what}`);
            await new Promise((r) => setTimeout(r, 5));
        }
    };
    await until('two passes', () => loop.passes >= 2);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(loop.passes, 2, 'the start pass and one for the triggers during it');
    assert.equal(overlapped, false);
    retry = 50;
    loop.trigger();
    await until('passes woken by the back-off', () => loop.passes >= 5);
    retry = null;
    await loop.close();
    const passes = loop.passes;
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(loop.passes, passes, 'nothing runs after close()');
    assert.deepEqual(errors, []);
});
//# sourceMappingURL=reconcile-loop.test.js.map