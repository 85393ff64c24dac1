import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_SPACE_INDEX } from '../../shared/space-addressing.js';
import { shortIdOf } from './kernel-names.js';
import { allocateShortId, allocateTransitIndex, parseSpaceRecord } from './space-records.js';
const spec = { id: 'sp-1', name: 'prod', cidr: '10.0.0.0/16', dataCidr: '10.1.0.0/16', outboundIps: [], zones: [{ name: 'a', healthy: true }] };
test('parseSpaceRecord() reads this format', () => {
    const record = { spec, shortId: 'abcd1234', transitIndex: 3, outboundIps: ['203.0.113.10'], isDefault: false };
    assert.deepEqual(parseSpaceRecord(JSON.stringify(record)), record);
});
test('parseSpaceRecord() adopts a file written before the backend allocated its kernel names (spec.shortId, spec.index)', () => {
    const old = { spec: { ...spec, shortId: '5a000001', index: 7 }, outboundIps: ['203.0.113.11'], isDefault: false };
    assert.deepEqual(parseSpaceRecord(JSON.stringify(old)), { spec, shortId: '5a000001', transitIndex: 7, outboundIps: ['203.0.113.11'], isDefault: false });
    const defaultNetwork = { spec: { ...spec, id: '__default__', shortId: 'default', index: MAX_SPACE_INDEX }, outboundIps: [], isDefault: true };
    assert.equal(parseSpaceRecord(JSON.stringify(defaultNetwork))?.shortId, 'default');
});
test('parseSpaceRecord() refuses what it cannot name kernel objects from', () => {
    assert.equal(parseSpaceRecord('{'), null);
    assert.equal(parseSpaceRecord(JSON.stringify({ spec })), null);
    assert.equal(parseSpaceRecord(JSON.stringify({ spec, shortId: 'Bad Name!', transitIndex: 1 })), null);
    assert.equal(parseSpaceRecord(JSON.stringify({ spec, shortId: 'abcd1234', transitIndex: -1 })), null);
});
test('allocateShortId() derives the short id from the space id, salted only on a collision', () => {
    assert.equal(allocateShortId('sp-1', new Set()), shortIdOf('sp-1'));
    const salted = allocateShortId('sp-1', new Set([shortIdOf('sp-1')]));
    assert.match(salted, /^[0-9a-f]{8}$/);
    assert.notEqual(salted, shortIdOf('sp-1'));
});
test('allocateTransitIndex() takes the lowest free index', () => {
    assert.equal(allocateTransitIndex(new Set()), 0);
    assert.equal(allocateTransitIndex(new Set([0, 1, 3, MAX_SPACE_INDEX])), 2);
});
//# sourceMappingURL=space-records.test.js.map