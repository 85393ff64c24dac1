import assert from 'node:assert/strict';
import { test } from 'node:test';
import { placeDynos } from './place-dynos.js';
const ZONES = ['a', 'b', 'c'];
test('placeDynos() puts the first three dynos in three different zones', () => {
    const p = placeDynos([1, 2, 3], new Map(), ZONES);
    assert.deepEqual(new Set(p.values()), new Set(ZONES));
});
test('placeDynos() spreads evenly and keeps dynos where they are', () => {
    const first = placeDynos([1, 2, 3, 4, 5, 6], new Map(), ZONES);
    const counts = [...first.values()].reduce((m, z) => m.set(z, (m.get(z) ?? 0) + 1), new Map());
    assert.deepEqual([...counts.values()], [2, 2, 2]);
    assert.deepEqual(placeDynos([1, 2, 3, 4, 5, 6], first, ZONES), first);
});
test('placeDynos() moves only the failed zone\'s dynos, and rebalances on recovery', () => {
    const start = placeDynos([1, 2, 3], new Map(), ZONES);
    const failed = placeDynos([1, 2, 3], start, ['a', 'c']);
    for (const [n, z] of start)
        if (z !== 'b')
            assert.equal(failed.get(n), z);
    assert.ok(![...failed.values()].includes('b'));
    const recovered = placeDynos([1, 2, 3], failed, ZONES);
    assert.deepEqual(new Set(recovered.values()), new Set(ZONES));
    const moved = [...recovered].filter(([n, z]) => failed.get(n) !== z);
    assert.equal(moved.length, 1);
});
test('placeDynos() places nothing without a healthy zone', () => {
    assert.equal(placeDynos([1, 2], new Map(), []).size, 0);
});
//# sourceMappingURL=place-dynos.test.js.map