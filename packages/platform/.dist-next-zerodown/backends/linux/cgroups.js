/**
 * Per-dyno cgroups under one Cove-owned parent, for cgroup v1 (memory, pids and cpu
 * hierarchies, as on this host) and v2 (unified, when /sys/fs/cgroup/cgroup.controllers exists).
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
const ROOT = '/sys/fs/cgroup';
const V1_CONTROLLERS = ['memory', 'pids', 'cpu'];
export class Cgroups {
    version;
    /** The parent's path relative to each hierarchy's root, e.g. "cove". */
    parent;
    constructor(parent) {
        if (!/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(parent))
            throw new TypeError(`Invalid cgroup parent "${parent}"`);
        this.parent = parent;
        this.version = existsSync(`${ROOT}/cgroup.controllers`) ? 2 : 1;
    }
    /** Directories of one cgroup, one per hierarchy (v1) or the single unified one (v2). */
    dirs(name) {
        return this.version === 2
            ? [`${ROOT}/${this.parent}/${name}`]
            : V1_CONTROLLERS.map((c) => `${ROOT}/${c}/${this.parent}/${name}`);
    }
    /** The `cgroup.procs` files a process writes its pid to, to join the cgroup. */
    procsFiles(name) {
        return this.dirs(name).map((d) => `${d}/cgroup.procs`);
    }
    async create(name, limits) {
        if (this.version === 2) {
            const parent = `${ROOT}/${this.parent}`;
            await mkdir(parent, { recursive: true });
            await writeFile(`${ROOT}/cgroup.subtree_control`, '+memory +pids +cpu').catch(() => undefined);
            await writeFile(`${parent}/cgroup.subtree_control`, '+memory +pids +cpu');
            const dir = `${parent}/${name}`;
            await mkdir(dir, { recursive: true });
            await writeFile(`${dir}/memory.max`, String(limits.memoryBytes));
            await writeFile(`${dir}/memory.swap.max`, '0').catch(() => undefined);
            await writeFile(`${dir}/pids.max`, String(limits.pids));
            await writeFile(`${dir}/cpu.max`, `${Math.max(1000, limits.cpuPercent * 1000)} 100000`);
            return;
        }
        for (const controller of V1_CONTROLLERS) {
            const dir = `${ROOT}/${controller}/${this.parent}/${name}`;
            await mkdir(dir, { recursive: true });
            if (controller === 'memory') {
                await writeFile(`${dir}/memory.limit_in_bytes`, String(limits.memoryBytes));
                await writeFile(`${dir}/memory.swappiness`, '0').catch(() => undefined);
            }
            else if (controller === 'pids') {
                await writeFile(`${dir}/pids.max`, String(limits.pids));
            }
            else {
                await writeFile(`${dir}/cpu.cfs_period_us`, '100000');
                await writeFile(`${dir}/cpu.cfs_quota_us`, String(Math.max(1000, limits.cpuPercent * 1000)));
            }
        }
    }
    async exists(name) {
        return this.dirs(name).some((d) => existsSync(d));
    }
    /** Every pid in the cgroup (union over hierarchies). */
    async pids(name) {
        const pids = new Set();
        for (const file of this.procsFiles(name)) {
            const text = await readFile(file, 'utf8').catch(() => '');
            for (const line of text.split('\n'))
                if (line !== '')
                    pids.add(Number(line));
        }
        return [...pids];
    }
    async signal(name, signal, except = new Set()) {
        let sent = 0;
        for (const pid of await this.pids(name)) {
            if (except.has(pid))
                continue;
            try {
                process.kill(pid, signal);
                sent++;
            }
            catch {
                // Exited meanwhile.
            }
        }
        return sent;
    }
    /** Bytes currently charged to the cgroup, or null when it is gone. */
    async memoryUsage(name) {
        const file = this.version === 2 ? `${ROOT}/${this.parent}/${name}/memory.current` : `${ROOT}/memory/${this.parent}/${name}/memory.usage_in_bytes`;
        const text = await readFile(file, 'utf8').catch(() => null);
        return text === null ? null : Number(text.trim());
    }
    /** How many times the kernel's OOM killer fired inside the cgroup. */
    async oomKills(name) {
        const file = this.version === 2 ? `${ROOT}/${this.parent}/${name}/memory.events` : `${ROOT}/memory/${this.parent}/${name}/memory.oom_control`;
        const text = await readFile(file, 'utf8').catch(() => '');
        const m = /^oom_kill (\d+)$/m.exec(text);
        return m === null ? 0 : Number(m[1]);
    }
    /** SIGKILLs everything inside and removes the cgroup directories. */
    async remove(name, timeoutMs = 5000) {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            await this.signal(name, 'SIGKILL');
            let busy = false;
            for (const dir of this.dirs(name).reverse()) {
                if (!existsSync(dir))
                    continue;
                try {
                    await rmdir(dir);
                }
                catch {
                    busy = true;
                }
            }
            if (!busy)
                return;
            if (Date.now() > deadline)
                throw new Error(`Cannot remove cgroup "${name}": still busy`);
            await sleep(20);
        }
    }
    /** Names of the cgroups under the parent. */
    async list() {
        const names = new Set();
        const parents = this.version === 2 ? [`${ROOT}/${this.parent}`] : V1_CONTROLLERS.map((c) => `${ROOT}/${c}/${this.parent}`);
        for (const parent of parents) {
            const entries = await readdir(parent, { withFileTypes: true }).catch(() => []);
            for (const e of entries)
                if (e.isDirectory())
                    names.add(e.name);
        }
        return [...names].sort();
    }
    /** Removes every cgroup under the parent, then the parent itself. */
    async removeAll() {
        for (const name of await this.list())
            await this.remove(name);
        const parents = this.version === 2 ? [`${ROOT}/${this.parent}`] : V1_CONTROLLERS.map((c) => `${ROOT}/${c}/${this.parent}`);
        for (const parent of parents)
            await rmdir(parent).catch(() => undefined);
    }
    /** The parent directories that exist, for tests and `cleanup()` checks. */
    existingParents() {
        const parents = this.version === 2 ? [`${ROOT}/${this.parent}`] : V1_CONTROLLERS.map((c) => `${ROOT}/${c}/${this.parent}`);
        return parents.filter((p) => existsSync(p));
    }
}
//# sourceMappingURL=cgroups.js.map