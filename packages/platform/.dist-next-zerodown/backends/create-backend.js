/**
 * The backend factory dispatch: `--runtime` names a backend kind and this picks its factory.
 * The only module outside `backends/<kind>/` that imports one.
 */
import { configSlice, LINUX_CONFIG_KEYS } from '../shared/config.js';
import { HostBuildRunner } from './host-build-runner.js';
import { createLinuxBackend, LinuxBuildRunner } from './linux/index.js';
import { createMemoryBackend } from './memory/index.js';
import { createNoneBackend } from './none/index.js';
function isRoot() {
    return process.platform === 'linux' && process.getuid?.() === 0;
}
/**
 * Build steps are confined (namespaces, the build user) whenever the host allows it, whatever
 * runs the dynos; without root they run as the server's user.
 */
function buildRunner() {
    return process.getuid?.() === 0 ? new LinuxBuildRunner() : new HostBuildRunner();
}
export function createBackend(config, hooks, log, choice = {}) {
    if (choice.memory !== undefined) {
        return createMemoryBackend(hooks, { buildRunner: buildRunner(), ...(choice.memory.runtime === undefined ? {} : { runtime: choice.memory.runtime }) });
    }
    if (config.runtime === 'none')
        return createNoneBackend({ reason: 'the server was started with --runtime none', buildRunner: buildRunner() });
    if (!isRoot())
        return createNoneBackend({ reason: 'the linux runtime needs root (network namespaces, nftables, cgroups)', buildRunner: buildRunner() });
    return createLinuxBackend(configSlice(config, LINUX_CONFIG_KEYS), hooks, log);
}
//# sourceMappingURL=create-backend.js.map