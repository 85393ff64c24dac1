/**
 * Supervises one dyno from the server, the Linux I/O half: launches it through its detached
 * supervisor script, follows its output file, looks for a listening socket on $PORT in the
 * dyno's netns, reads its cgroup's memory and OOM counters and its exit file, and signals its
 * cgroup. What those observations mean (states, back-off, R10, R12, R14, R15 and their log
 * lines) is decided by the shared `DynoLifecycle`. Everything it knows is persisted in
 * `dyno.json`, so a new server adopts the dyno.
 */
import { existsSync } from 'node:fs';
import { open, readFile, rename, rm, truncate, writeFile } from 'node:fs/promises';
import { DynoLifecycle } from '../dyno-lifecycle.js';
import { launchAttachedDyno } from './attached-dyno.js';
import { launchDyno, removeDynoNetwork, createDynoNetwork } from './dyno-sandbox.js';
import { dynoCgroupName, dynoNetns } from './kernel-names.js';
/** The port every dyno's $PORT is set to; each dyno has its own address, so one port suffices. */
export const DYNO_PORT = 5000;
const OUTPUT_TRUNCATE_BYTES = 4 * 1024 * 1024;
export class DynoSupervisor {
    record;
    dir;
    #ctx;
    #lifecycle;
    #partial = '';
    #busy = null;
    #saving = Promise.resolve();
    /** An attached dyno's stream until a session takes it (see attached-dyno.ts). */
    #attachment = null;
    constructor(dir, record, ctx) {
        this.dir = dir;
        this.record = record;
        this.#ctx = ctx;
        this.#lifecycle = new DynoLifecycle(record.spec, record);
    }
    static async load(dir, ctx) {
        try {
            const record = JSON.parse(await readFile(`${dir}/dyno.json`, 'utf8'));
            return new DynoSupervisor(dir, record, ctx);
        }
        catch {
            return null;
        }
    }
    get cgroup() {
        return dynoCgroupName(this.record.shortId);
    }
    get netns() {
        return dynoNetns(this.record.shortId);
    }
    /** Persists the record; saves are serialized (a stop and a supervision step may overlap). */
    save() {
        const write = async () => {
            const tmp = `${this.dir}/dyno.json.tmp`;
            await writeFile(tmp, JSON.stringify(this.record));
            await rename(tmp, `${this.dir}/dyno.json`);
        };
        const next = this.#saving.then(write, write);
        this.#saving = next.catch(() => undefined);
        return next;
    }
    status() {
        const r = this.record;
        return {
            id: r.spec.id,
            appId: r.spec.appId,
            spaceId: r.spec.spaceId,
            name: r.spec.name,
            type: r.spec.type,
            zone: r.spec.spaceId === null ? null : r.zone,
            releaseId: r.spec.releaseId,
            state: r.state,
            privateIp: r.privateIp,
            port: r.spec.listens ? DYNO_PORT : null,
            updatedAt: r.updatedAt,
            exitCode: r.exitCode ?? null,
        };
    }
    /** The environment of the dyno's command: config vars, then what the platform sets. */
    env() {
        const s = this.record.spec;
        const app = `${s.appName}.app.localspace`;
        return {
            ...s.env,
            PORT: String(DYNO_PORT),
            DYNO: s.name,
            HEROKU_PRIVATE_IP: this.record.privateIp,
            HEROKU_DNS_APP_NAME: app,
            HEROKU_DNS_FORMATION_NAME: `${s.type}.${app}`,
            HEROKU_DNS_DYNO_NAME: `${s.number}.${s.type}.${app}`,
            HOME: '/app',
            PATH: '/app/.heroku/node/bin:/app/bin:/app/node_modules/.bin:/usr/local/bin:/usr/bin:/bin',
        };
    }
    async createNetwork() {
        const r = this.record;
        await createDynoNetwork({
            shortId: r.shortId,
            spaceShortId: r.spaceShortId,
            zone: r.zone,
            privateIp: r.privateIp,
            prefixLength: r.prefixLength,
            gateway: r.gateway,
            dnsAddress: r.dnsAddress,
            isolated: r.isolated,
        });
    }
    async ensureCgroup() {
        const limits = this.record.spec.limits;
        await this.#ctx.cgroups.create(this.cgroup, {
            memoryBytes: Math.round(limits.memoryMb * this.#ctx.memoryHardLimitFactor * 1024 * 1024),
            pids: Math.max(64, limits.pids),
            cpuPercent: limits.cpuPercent,
        });
    }
    /** Starts (or restarts) the dyno's process. */
    async launch() {
        const r = this.record;
        await this.#ctx.cgroups.signal(this.cgroup, 'SIGKILL');
        await this.ensureCgroup();
        const starting = this.#lifecycle.launching(Date.now());
        r.oomBaseline = await this.#ctx.cgroups.oomKills(this.cgroup);
        await this.#apply(starting);
        const launch = {
            dir: this.dir,
            launch: r.launch,
            netns: this.netns,
            procsFiles: this.#ctx.cgroups.procsFiles(this.cgroup),
            binDir: this.#ctx.binDir,
            slugAppDir: r.slugAppDir,
            uid: this.#ctx.uid,
            gid: this.#ctx.gid,
            tmpSize: `${Math.max(16, r.spec.limits.memoryMb)}m`,
            command: r.spec.command,
            env: this.env(),
        };
        if (r.spec.attach === undefined)
            await launchDyno(launch);
        else
            this.#attachment = await launchAttachedDyno(launch, r.spec.attach, () => this.#ctx.cgroups.pids(this.cgroup));
        await this.#apply(this.#lifecycle.launched(Date.now()));
        await this.save();
    }
    /** The attached dyno's stream, once: a second session gets null. */
    takeAttachment() {
        const attachment = this.#attachment;
        this.#attachment = null;
        return attachment;
    }
    /** One supervision step; never runs twice at once. */
    tick() {
        if (this.#busy !== null)
            return this.#busy;
        this.#busy = this.#step().finally(() => {
            this.#busy = null;
        });
        return this.#busy;
    }
    async #step() {
        const r = this.record;
        const lifecycle = this.#lifecycle;
        if (r.stopping)
            return;
        await this.#readOutput();
        const now = Date.now();
        if (lifecycle.supervised) {
            const exit = await this.#readExit();
            if (exit !== null) {
                await this.#onExit(exit);
                return;
            }
            if (lifecycle.awaitingBind) {
                if (await this.#isListening()) {
                    await this.#apply(lifecycle.bound(now));
                    await this.save();
                }
                else {
                    await this.#apply(lifecycle.notBound(now));
                }
            }
            if (lifecycle.running(now).sampleMemory)
                await this.#apply(lifecycle.memoryUsed(now, await this.#ctx.cgroups.memoryUsage(this.cgroup)));
        }
        else if (lifecycle.restartDue(now)) {
            await this.#apply(lifecycle.restarting(now));
            await this.launch();
        }
    }
    async #readExit() {
        const text = await readFile(`${this.dir}/exit-${this.record.launch}`, 'utf8').catch(() => null);
        if (text !== null)
            return Number(text.trim());
        // The supervisor itself is gone without a word (killed, host rebooted): the dyno is gone too.
        // Right after a launch its pid file may not exist yet.
        const launched = existsSync(`${this.dir}/supervisor-${this.record.launch}.pid`);
        if (!launched && Date.now() - this.record.launchedAt < 10_000)
            return null;
        if (!(await this.isAlive())) {
            const again = await readFile(`${this.dir}/exit-${this.record.launch}`, 'utf8').catch(() => null);
            return again === null ? -1 : Number(again.trim());
        }
        return null;
    }
    /** True while the supervisor or anything in the dyno's cgroup runs. */
    async isAlive() {
        const pid = await this.supervisorPid();
        if (pid !== null)
            return true;
        return (await this.#ctx.cgroups.pids(this.cgroup)).length > 0;
    }
    /** The live supervisor's pid, checked against its command line (pids get reused). */
    async supervisorPid() {
        const text = await readFile(`${this.dir}/supervisor-${this.record.launch}.pid`, 'utf8').catch(() => null);
        if (text === null)
            return null;
        const pid = Number(text.trim());
        const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
        return cmdline.includes('supervise.sh') && cmdline.includes(this.dir) ? pid : null;
    }
    async #onExit(status) {
        await this.#readOutput();
        const oom = (await this.#ctx.cgroups.oomKills(this.cgroup)) > this.record.oomBaseline;
        await this.#apply(this.#lifecycle.exited(Date.now(), status, oom));
        await this.save();
    }
    /** Zone drills: a dyno in a failed zone is `down` (unreachable); it comes back when the zone does. */
    async setZoneHealthy(healthy) {
        const effects = this.#lifecycle.zoneHealth(Date.now(), healthy);
        if (effects.length === 0)
            return;
        await this.#apply(effects);
        await this.save();
    }
    /** SIGTERM to the dyno's processes, SIGKILL after the grace period; leaves it `down`. */
    async stop(graceSeconds) {
        const r = this.record;
        const lifecycle = this.#lifecycle;
        lifecycle.stopRequested();
        await this.save();
        await this.#busy;
        const running = (await this.#ctx.cgroups.pids(this.cgroup)).length > 0;
        await this.#apply(lifecycle.stopBegins(Date.now(), running, graceSeconds));
        if (running) {
            for (;;) {
                const wait = lifecycle.stopWait(Date.now(), (await this.#ctx.cgroups.pids(this.cgroup)).length > 0);
                await this.#apply(wait.effects);
                if (wait.progress !== 'waiting')
                    break;
                await delay(50);
            }
            const exitDeadline = Date.now() + 2000;
            let exit = null;
            while (exit === null && Date.now() < exitDeadline) {
                exit = await readFile(`${this.dir}/exit-${r.launch}`, 'utf8').catch(() => null);
                if (exit === null)
                    await delay(20);
            }
            await this.#readOutput();
            await this.#apply(lifecycle.stopped(Date.now(), exit === null ? null : Number(exit.trim())));
        }
        else {
            await this.#apply(lifecycle.stopped(Date.now(), null));
        }
    }
    /** Removes every kernel object and file of the dyno. */
    async destroy() {
        const pid = await this.supervisorPid();
        if (pid !== null) {
            try {
                process.kill(pid, 'SIGKILL');
            }
            catch {
                // Gone.
            }
        }
        await this.#ctx.cgroups.remove(this.cgroup);
        await removeDynoNetwork(this.record.shortId, this.record.spaceShortId);
        await rm(this.dir, { recursive: true, force: true });
    }
    async #isListening() {
        const [pid] = await this.#ctx.cgroups.pids(this.cgroup);
        if (pid === undefined)
            return false;
        const ip4 = this.record.privateIp;
        const tcp = await readFile(`/proc/${pid}/net/tcp`, 'utf8').catch(() => '');
        const tcp6 = await readFile(`/proc/${pid}/net/tcp6`, 'utf8').catch(() => '');
        return listensOn(tcp, tcp6, ip4, DYNO_PORT);
    }
    async #readOutput() {
        const file = `${this.dir}/output.log`;
        if (!existsSync(file))
            return;
        const handle = await open(file, 'r').catch(() => null);
        if (handle === null)
            return;
        try {
            const { size } = await handle.stat();
            if (size < this.record.outputOffset)
                this.record.outputOffset = 0;
            while (size > this.record.outputOffset) {
                const length = Math.min(size - this.record.outputOffset, 256 * 1024);
                const buffer = Buffer.alloc(length);
                const { bytesRead } = await handle.read(buffer, 0, length, this.record.outputOffset);
                if (bytesRead === 0)
                    break;
                this.record.outputOffset += bytesRead;
                const lines = (this.#partial + buffer.subarray(0, bytesRead).toString('utf8')).split('\n');
                this.#partial = lines.pop() ?? '';
                for (const line of lines)
                    this.#ctx.log({ appId: this.record.spec.appId, source: 'app', dyno: this.record.spec.name, message: line });
            }
            if (this.record.outputOffset >= OUTPUT_TRUNCATE_BYTES && this.#partial === '') {
                const { size: now } = await handle.stat();
                if (now === this.record.outputOffset) {
                    await truncate(file, 0);
                    this.record.outputOffset = 0;
                }
            }
        }
        finally {
            await handle.close();
        }
    }
    /** Carries out the lifecycle's effects, in order. */
    async #apply(effects) {
        for (const effect of effects) {
            if (effect.type === 'log')
                this.#heroku(effect.message);
            else if (effect.type === 'changed')
                this.#ctx.changed();
            else if (effect.signal === 'SIGKILL')
                await this.#ctx.cgroups.signal(this.cgroup, 'SIGKILL');
            else {
                // Not the outer `unshare`: killing it would SIGKILL the whole pid namespace at once.
                const outer = Number((await readFile(`${this.dir}/child-${this.record.launch}.pid`, 'utf8').catch(() => '')).trim());
                await this.#ctx.cgroups.signal(this.cgroup, effect.signal, new Set([outer]));
            }
        }
    }
    #heroku(message) {
        this.#ctx.log({ appId: this.record.spec.appId, source: 'heroku', dyno: this.record.spec.name, message });
    }
}
function delay(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
function hexToIpv4(hex) {
    const n = parseInt(hex, 16);
    return [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255].join('.');
}
/** True when /proc/net/tcp{,6} show a listener on `port` at `ip`, 0.0.0.0 or ::. */
export function listensOn(tcp, tcp6, ip, port) {
    const portHex = port.toString(16).toUpperCase().padStart(4, '0');
    for (const line of tcp.split('\n').slice(1)) {
        const f = line.trim().split(/\s+/);
        const [addr, p] = (f[1] ?? '').split(':');
        if (f[3] !== '0A' || p !== portHex || addr === undefined)
            continue;
        const local = hexToIpv4(addr);
        if (local === '0.0.0.0' || local === ip)
            return true;
    }
    for (const line of tcp6.split('\n').slice(1)) {
        const f = line.trim().split(/\s+/);
        const [addr, p] = (f[1] ?? '').split(':');
        if (f[3] !== '0A' || p !== portHex || addr === undefined)
            continue;
        if (/^0{32}$/.test(addr))
            return true;
        // ::ffff:a.b.c.d is 0000000000000000FFFF0000<ipv4 hex>
        if (addr.startsWith('0000000000000000FFFF0000') && hexToIpv4(addr.slice(24)) === ip)
            return true;
    }
    return false;
}
//# sourceMappingURL=dyno-supervisor.js.map