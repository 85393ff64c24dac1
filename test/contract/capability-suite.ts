/**
 * Contract suites for optional backend capabilities (`Runtime.capabilities`): each runs against
 * every backend that claims its capability, and is skipped, saying so, for the others (whose
 * reconcilers refuse the resources that need it; see reconciler/require-capability.ts).
 * A new capability's suite goes in its own file and in CAPABILITY_SUITES (capability-suites.ts).
 */
import { test } from 'node:test';
import type { Runtime } from '@cove/platform';

export type Capability = Runtime['capabilities'] extends ReadonlySet<infer C> ? C : never;

/** A backend under test, fresh per test (the same shape runtimeContract() makes). */
export interface CapabilitySubject {
  runtime: Runtime;
  dispose(): Promise<void>;
}

export interface CapabilitySuite {
  readonly capability: Capability;
  readonly tests: readonly { readonly title: string; run(runtime: Runtime): Promise<void> }[];
}

/** Registers each suite's tests for one backend; they run only where it claims the capability. */
export function runCapabilitySuites(backend: string, make: () => Promise<CapabilitySubject>, suites: readonly CapabilitySuite[]): void {
  for (const suite of suites) {
    for (const entry of suite.tests) {
      test(`[${suite.capability}] ${entry.title}`, async (t) => {
        const { runtime, dispose } = await make();
        try {
          if (!runtime.capabilities.has(suite.capability)) {
            t.skip(`the ${backend} backend does not claim ${suite.capability}`);
            return;
          }
          await entry.run(runtime);
        } finally {
          await dispose();
        }
      });
    }
  }
}
