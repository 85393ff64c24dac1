import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as packet from 'dns-packet';
import { cacheableTtl, DnsCache } from './dns-cache.js';
function reply(rcode, answers, authorities = []) {
    return packet.decode(packet.encode({ type: 'response', id: 1, flags: rcode, questions: [{ type: 'A', name: 'x.example' }], answers, authorities }));
}
const soa = (ttl, minimum) => ({
    name: 'example', type: 'SOA', ttl, data: { mname: 'ns.example', rname: 'h.example', serial: 1, refresh: 1, retry: 1, expire: 1, minimum },
});
test('cacheableTtl() takes the shortest answer TTL, the SOA for negative answers, and 0 for errors', () => {
    assert.equal(cacheableTtl(reply(0, [{ name: 'x.example', type: 'A', ttl: 30, data: '192.0.2.1' }, { name: 'x.example', type: 'A', ttl: 10, data: '192.0.2.2' }])), 10);
    assert.equal(cacheableTtl(reply(3, [], [soa(60, 20)])), 20);
    assert.equal(cacheableTtl(reply(0, [], [soa(5, 20)])), 5);
    assert.equal(cacheableTtl(reply(3, [])), 0);
    assert.equal(cacheableTtl(reply(2, [], [soa(60, 60)])), 0);
});
test('DnsCache.get() ages TTLs, expires entries and evicts the least recently used', () => {
    let now = 1_000_000;
    const cache = new DnsCache({ maxEntries: 2, now: () => now });
    cache.set('a', reply(0, [{ name: 'x.example', type: 'A', ttl: 10, data: '192.0.2.1' }]));
    now += 4_500;
    assert.equal(cache.get('a')?.answers?.[0]?.ttl, 6);
    cache.set('b', reply(0, [{ name: 'x.example', type: 'A', ttl: 100, data: '192.0.2.1' }]));
    cache.get('a');
    cache.set('c', reply(0, [{ name: 'x.example', type: 'A', ttl: 100, data: '192.0.2.1' }]));
    assert.equal(cache.get('b'), undefined);
    now += 6_000;
    assert.equal(cache.get('a'), undefined);
    assert.notEqual(cache.get('c'), undefined);
    cache.set('zero', reply(0, [{ name: 'x.example', type: 'A', ttl: 0, data: '192.0.2.1' }]));
    assert.equal(cache.get('zero'), undefined);
});
//# sourceMappingURL=dns-cache.test.js.map