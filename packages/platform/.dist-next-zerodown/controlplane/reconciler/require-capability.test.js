import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RuntimeError } from '../../shared/errors.js';
import { requireCapability } from './require-capability.js';
import { ResourceFailures } from './resource-failures.js';
import { CONVERGED } from './resource-reconciler.js';
/**
 * The shape a reconciler of a resource that needs a capability takes (a VPN connection here):
 * it refuses each resource with requireCapability() and records the verdict on it.
 */
class VpnConnectionReconciler {
    runtime;
    connections;
    name = 'vpn-connections';
    after = [];
    failed = new Map();
    #failures = new ResourceFailures();
    attempts = 0;
    constructor(runtime, connections) {
        this.runtime = runtime;
        this.connections = connections;
    }
    async reconcile() {
        for (const id of this.connections) {
            if (this.#failures.waiting(id))
                continue;
            this.attempts++;
            try {
                requireCapability(this.runtime, 'vpn', `VPN connection ${id}`);
            }
            catch (error) {
                const verdict = this.#failures.failed(id, error);
                if (verdict.permanent)
                    this.failed.set(id, verdict.message);
            }
        }
        return CONVERGED;
    }
}
test('a backend without a capability refuses the resources that need it, for good, with CAPABILITY_MISSING', async () => {
    const runtime = { kind: 'memory', capabilities: new Set() };
    assert.equal(runtime.capabilities.has('vpn'), false);
    assert.throws(() => requireCapability(runtime, 'vpn', 'VPN connection office'), (error) => error instanceof RuntimeError &&
        error.code === 'CAPABILITY_MISSING' &&
        !error.retryable &&
        error.message === 'The memory runtime backend does not support vpn, which VPN connection office needs');
    const reconciler = new VpnConnectionReconciler(runtime, ['office']);
    await reconciler.reconcile();
    await reconciler.reconcile();
    assert.deepEqual([...reconciler.failed], [['office', 'The memory runtime backend does not support vpn, which VPN connection office needs']]);
    assert.equal(reconciler.attempts, 1, 'a permanent refusal is not retried');
});
test('a backend that claims the capability is not refused', async () => {
    const runtime = { kind: 'vpn-capable', capabilities: new Set(['vpn']) };
    assert.doesNotThrow(() => requireCapability(runtime, 'vpn', 'VPN connection office'));
    const reconciler = new VpnConnectionReconciler(runtime, ['office']);
    await reconciler.reconcile();
    assert.equal(reconciler.failed.size, 0);
});
//# sourceMappingURL=require-capability.test.js.map