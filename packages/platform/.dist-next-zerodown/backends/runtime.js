/**
 * Optional abilities a backend may offer beyond spaces and dynos. A reconciler whose resource
 * needs one the backend lacks refuses that resource (RuntimeError `CAPABILITY_MISSING`); each
 * has a contract suite, run against every backend that claims it (test/contract/).
 */
export const CAPABILITIES = ['networks', 'vpn', 'addons', 'attach'];
//# sourceMappingURL=runtime.js.map