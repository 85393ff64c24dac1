/**
 * The refusal a reconciler gives a resource that needs an optional backend capability the
 * backend does not claim (see `Capability` in backends/runtime.ts). Permanent: the reconciler
 * marks the resource failed with this message and does not retry it.
 */
import type { Capability, Runtime } from '../../backends/runtime.js';
/** Throws CAPABILITY_MISSING unless the runtime claims `capability`; `resource` names what needs it. */
export declare function requireCapability(runtime: Pick<Runtime, 'kind' | 'capabilities'>, capability: Capability, resource: string): void;
