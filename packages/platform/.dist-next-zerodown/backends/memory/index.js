import { MemoryRuntime } from './memory-runtime.js';
export { MemoryRuntime } from './memory-runtime.js';
export function createMemoryBackend(hooks, options) {
    const runtime = options.runtime?.(hooks) ?? new MemoryRuntime({ hooks });
    return {
        kind: 'memory',
        runtime,
        dataPlane: {},
        buildRunner: options.buildRunner,
        runsDynos: runtime.kind !== 'none',
        start: () => runtime.start(),
        close: () => runtime.close(),
        stopDataPlane: async () => { },
        cleanup: () => runtime.cleanup(),
    };
}
//# sourceMappingURL=index.js.map