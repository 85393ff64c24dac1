/**
 * The runtime `cove server` uses when no real backend can run here (`--runtime none`, or the
 * Linux backend without the privileges it needs). It creates nothing, so spaces stay
 * `allocating` with a clear last error, and never reports a network that does not exist.
 */
import { RuntimeError } from '../../shared/errors.js';
export class NoRuntime {
    kind = 'none';
    capabilities = new Set();
    #reason;
    constructor(reason) {
        this.#reason = reason;
    }
    async start() { }
    async close() { }
    async applySpace() {
        throw new RuntimeError('NO_RUNTIME', `No runtime is available: ${this.#reason}`, { retryable: false });
    }
    async removeSpace() { }
    async listSpaces() {
        return [];
    }
    async startDyno() {
        throw new RuntimeError('NO_RUNTIME', `No runtime is available: ${this.#reason}`, { retryable: false });
    }
    async stopDyno() { }
    async listDynos() {
        return [];
    }
    async cleanup() { }
}
//# sourceMappingURL=no-runtime.js.map