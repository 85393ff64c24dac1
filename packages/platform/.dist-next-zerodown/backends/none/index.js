import { NoRuntime } from './no-runtime.js';
export function createNoneBackend(options) {
    const runtime = new NoRuntime(options.reason);
    return {
        kind: 'none',
        runtime,
        dataPlane: {},
        buildRunner: options.buildRunner,
        runsDynos: false,
        start: () => runtime.start(),
        close: () => runtime.close(),
        stopDataPlane: async () => { },
        cleanup: () => runtime.cleanup(),
    };
}
//# sourceMappingURL=index.js.map