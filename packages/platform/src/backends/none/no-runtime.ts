/**
 * The runtime `cove server` uses when no real backend can run here (`--runtime none`, or the
 * Linux backend without the privileges it needs). It creates nothing, so spaces stay
 * `allocating` with a clear last error, and never reports a network that does not exist.
 */
import { RuntimeError } from '../../shared/errors.js';
import type { Capability, DynoStatus, Runtime, SpaceStatus } from '../runtime.js';

export class NoRuntime implements Runtime {
  readonly kind = 'none';
  readonly capabilities: ReadonlySet<Capability> = new Set();
  readonly #reason: string;

  constructor(reason: string) {
    this.#reason = reason;
  }

  async start(): Promise<void> {}
  async close(): Promise<void> {}
  async applySpace(): Promise<SpaceStatus> {
    throw new RuntimeError('NO_RUNTIME', `No runtime is available: ${this.#reason}`, { retryable: false });
  }
  async removeSpace(): Promise<void> {}
  async listSpaces(): Promise<SpaceStatus[]> {
    return [];
  }
  async startDyno(): Promise<void> {
    throw new RuntimeError('NO_RUNTIME', `No runtime is available: ${this.#reason}`, { retryable: false });
  }
  async stopDyno(): Promise<void> {}
  async listDynos(): Promise<DynoStatus[]> {
    return [];
  }
  async cleanup(): Promise<void> {}
}
