import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Capability, Runtime } from '../../backends/runtime.js';
import { RuntimeError } from '../../shared/errors.js';
import { requireCapability } from './require-capability.js';
import { ResourceFailures } from './resource-failures.js';
import { CONVERGED, type ReconcileResult, type ResourceReconciler } from './resource-reconciler.js';

/**
 * The shape a reconciler of a resource that needs a capability takes (a VPN connection here):
 * it refuses each resource with requireCapability() and records the verdict on it.
 */
class VpnConnectionReconciler implements ResourceReconciler {
  readonly name = 'vpn-connections';
  readonly after: readonly ResourceReconciler[] = [];
  readonly failed = new Map<string, string>();
  readonly #failures = new ResourceFailures();
  attempts = 0;

  constructor(
    readonly runtime: Pick<Runtime, 'kind' | 'capabilities'>,
    readonly connections: readonly string[],
  ) {}

  async reconcile(): Promise<ReconcileResult> {
    for (const id of this.connections) {
      if (this.#failures.waiting(id)) continue;
      this.attempts++;
      try {
        requireCapability(this.runtime, 'vpn', `VPN connection ${id}`);
      } catch (error) {
        const verdict = this.#failures.failed(id, error);
        if (verdict.permanent) this.failed.set(id, verdict.message);
      }
    }
    return CONVERGED;
  }
}

test('a backend without a capability refuses the resources that need it, for good, with CAPABILITY_MISSING', async () => {
  const runtime: Pick<Runtime, 'kind' | 'capabilities'> = { kind: 'memory', capabilities: new Set() };
  assert.equal(runtime.capabilities.has('vpn'), false);
  assert.throws(
    () => requireCapability(runtime, 'vpn', 'VPN connection office'),
    (error: unknown) =>
      error instanceof RuntimeError &&
      error.code === 'CAPABILITY_MISSING' &&
      !error.retryable &&
      error.message === 'The memory runtime backend does not support vpn, which VPN connection office needs',
  );
  const reconciler = new VpnConnectionReconciler(runtime, ['office']);
  await reconciler.reconcile();
  await reconciler.reconcile();
  assert.deepEqual([...reconciler.failed], [['office', 'The memory runtime backend does not support vpn, which VPN connection office needs']]);
  assert.equal(reconciler.attempts, 1, 'a permanent refusal is not retried');
});

test('a backend that claims the capability is not refused', async () => {
  const runtime = { kind: 'vpn-capable', capabilities: new Set<Capability>(['vpn']) };
  assert.doesNotThrow(() => requireCapability(runtime, 'vpn', 'VPN connection office'));
  const reconciler = new VpnConnectionReconciler(runtime, ['office']);
  await reconciler.reconcile();
  assert.equal(reconciler.failed.size, 0);
});
