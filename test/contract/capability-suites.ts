/** Every capability contract suite; runtimeContract() runs them against each backend. */
import { attachContract } from './attach-contract.js';
import type { CapabilitySuite } from './capability-suite.js';

export const CAPABILITY_SUITES: readonly CapabilitySuite[] = [attachContract];
