import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseResolvConf, parseUpstream } from './resolv-conf.js';
test('parseResolvConf() returns the nameserver lines in order, skipping junk', () => {
    const text = '# generated\nsearch example.com\nnameserver 10.255.255.53\nnameserver  ::1\nnameserver bogus\noptions timeout:1\n';
    assert.deepEqual(parseResolvConf(text), [{ address: '10.255.255.53', port: 53 }, { address: '::1', port: 53 }]);
    assert.deepEqual(parseResolvConf(''), []);
});
test('parseUpstream() reads an address with an optional port', () => {
    assert.deepEqual(parseUpstream('127.0.0.1'), { address: '127.0.0.1', port: 53 });
    assert.deepEqual(parseUpstream('127.0.0.1:5353'), { address: '127.0.0.1', port: 5353 });
    assert.deepEqual(parseUpstream('::1'), { address: '::1', port: 53 });
    assert.deepEqual(parseUpstream('[::1]:5353'), { address: '::1', port: 5353 });
    assert.throws(() => parseUpstream('resolver.example:53'), TypeError);
    assert.throws(() => parseUpstream('127.0.0.1:0'), TypeError);
});
//# sourceMappingURL=resolv-conf.test.js.map