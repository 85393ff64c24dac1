import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DrainBuffer } from './drain-buffer.js';
const line = (appId, message) => ({ appId, time: '2026-01-01T00:00:00.000Z', source: 'app', dyno: 'web.1', message });
test('DrainBuffer keeps the newest lines up to its capacity and counts drops per app', () => {
    const buffer = new DrainBuffer(3);
    for (let i = 0; i < 5; i++)
        buffer.push(line(i % 2 === 0 ? 'a' : 'b', `m${i}`));
    assert.equal(buffer.length, 3);
    const dropped = buffer.takeDropped();
    assert.equal(dropped.get('a')?.count, 1);
    assert.equal(dropped.get('b')?.count, 1);
    assert.equal(buffer.hasDropped(), false, 'takeDropped() resets');
    assert.deepEqual([buffer.shift(), buffer.shift(), buffer.shift(), buffer.shift()].map((l) => l?.message), ['m2', 'm3', 'm4', undefined]);
});
test('DrainBuffer.unshift() puts a failed batch back in front, within capacity', () => {
    const buffer = new DrainBuffer(4);
    buffer.push(line('a', 'new1'));
    buffer.push(line('a', 'new2'));
    buffer.unshift([line('a', 'old1'), line('a', 'old2'), line('a', 'old3')]);
    assert.equal(buffer.length, 4);
    assert.equal(buffer.takeDropped().get('a')?.count, 1);
    assert.deepEqual([buffer.shift(), buffer.shift(), buffer.shift(), buffer.shift()].map((l) => l?.message), ['old2', 'old3', 'new1', 'new2']);
});
test('DrainBuffer stays compact after many shifts', () => {
    const buffer = new DrainBuffer(10);
    for (let i = 0; i < 10_000; i++) {
        buffer.push(line('a', String(i)));
        buffer.shift();
    }
    assert.equal(buffer.length, 0);
    assert.equal(buffer.hasDropped(), false);
});
//# sourceMappingURL=drain-buffer.test.js.map