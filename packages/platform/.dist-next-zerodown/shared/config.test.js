import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configSlice, defaultRouterThreads, LINUX_CONFIG_KEYS, loadConfig } from './config.js';
import { ConfigError } from './errors.js';
test('loadConfig() reads flags before the environment before the defaults', () => {
    assert.equal(loadConfig([], {}).routerTimeoutMs, 30_000);
    assert.equal(loadConfig([], { COVE_ROUTER_TIMEOUT_MS: '5000' }).routerTimeoutMs, 5000);
    assert.equal(loadConfig(['--router-timeout', '7000'], { COVE_ROUTER_TIMEOUT_MS: '5000' }).routerTimeoutMs, 7000);
});
test('the router gets half the CPUs as HAProxy threads, at least one, unless told otherwise', () => {
    assert.deepEqual([1, 2, 3, 8, 64].map((cpus) => defaultRouterThreads(cpus)), [1, 1, 1, 4, 32]);
    assert.equal(loadConfig([], {}).routerThreads, defaultRouterThreads());
    assert.equal(loadConfig(['--router-threads', '3'], {}).routerThreads, 3);
    assert.equal(loadConfig([], { COVE_ROUTER_THREADS: '2' }).routerThreads, 2);
    for (const bad of ['0', '65', '1.5', 'two']) {
        assert.throws(() => loadConfig(['--router-threads', bad], {}), (e) => e instanceof ConfigError && /--router-threads/.test(e.message));
    }
});
test('configSlice() hands a component its fields only, frozen', () => {
    const config = loadConfig(['--data-dir', '/tmp/cove-slice', '--http', '127.0.0.1:8080'], {});
    const linux = configSlice(config, LINUX_CONFIG_KEYS);
    assert.deepEqual(Object.keys(linux).sort(), [...LINUX_CONFIG_KEYS].sort());
    assert.equal(linux.http.port, 8080);
    assert.equal(linux['adminToken'], undefined);
    assert.ok(Object.isFrozen(linux) && Object.isFrozen(linux.http));
});
//# sourceMappingURL=config.test.js.map