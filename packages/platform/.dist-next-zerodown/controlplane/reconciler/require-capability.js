import { RuntimeError } from '../../shared/errors.js';
/** Throws CAPABILITY_MISSING unless the runtime claims `capability`; `resource` names what needs it. */
export function requireCapability(runtime, capability, resource) {
    if (runtime.capabilities.has(capability))
        return;
    throw new RuntimeError('CAPABILITY_MISSING', `The ${runtime.kind} runtime backend does not support ${capability}, which ${resource} needs`, { retryable: false });
}
//# sourceMappingURL=require-capability.js.map