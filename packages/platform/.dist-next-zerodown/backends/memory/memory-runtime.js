/**
 * An in-memory Runtime for tests of the API and the reconciler. It runs nothing: spaces are
 * ready at once and dynos go `starting` → `up` on the next tick. A `restart: 'never'` dyno
 * (one-off, release phase) "runs" its command: `sleep N` keeps it up for N seconds (or until
 * it is stopped); anything else ends at once, with status N for `exit N`, else 0; it is then
 * `down` (0) or `crashed`. The contract suite holds it to the same behaviour as the real
 * backends. Never used by `cove server`.
 */
import { setImmediate } from 'node:timers';
import { intToIp, ipToInt, spaceAddresses } from '../../shared/space-addressing.js';
import { RuntimeError } from '../../shared/errors.js';
export class MemoryRuntime {
    kind = 'memory';
    capabilities = new Set();
    #spaces = new Map();
    #dynos = new Map();
    #hooks;
    #outboundPool;
    #nextHost = 10;
    #startError;
    constructor(options = {}) {
        this.#hooks = options.hooks ?? {};
        this.#outboundPool = options.outboundIps ?? ['203.0.113.10'];
    }
    async start() { }
    async close() { }
    async applySpace(spec) {
        const addressing = spaceAddresses(spec.cidr);
        const taken = new Set([...this.#spaces.values()].flatMap((s) => s.status.outboundIps));
        const outboundIps = spec.outboundIps.length > 0
            ? spec.outboundIps
            : [this.#outboundPool.find((ip) => !taken.has(ip)) ?? this.#outboundPool[0] ?? '203.0.113.10'];
        const status = {
            id: spec.id,
            ready: true,
            outboundIps,
            dnsAddress: addressing.dnsAddress,
            routerAddress: addressing.routerAddress,
            zones: addressing.zones.map((z) => ({
                name: z.name,
                subnet: z.subnet,
                healthy: spec.zones.find((s) => s.name === z.name)?.healthy ?? true,
            })),
        };
        this.#spaces.set(spec.id, { spec, status });
        for (const dyno of this.#dynos.values()) {
            const zone = status.zones.find((z) => z.name === dyno.spec.zone);
            if (dyno.spec.spaceId === spec.id && zone !== undefined && !zone.healthy && dyno.state !== 'down') {
                this.#setState(dyno, 'down');
            }
        }
        return status;
    }
    async removeSpace(spaceId) {
        this.#spaces.delete(spaceId);
        for (const [id, dyno] of this.#dynos)
            if (dyno.spec.spaceId === spaceId)
                this.#dynos.delete(id);
    }
    async listSpaces() {
        return [...this.#spaces.values()].map((s) => s.status);
    }
    async startDyno(spec) {
        if (this.#dynos.has(spec.id))
            return;
        if (this.#startError !== undefined)
            throw this.#startError;
        let privateIp = null;
        if (spec.spaceId !== null) {
            const space = this.#spaces.get(spec.spaceId);
            const zone = space?.status.zones.find((z) => z.name === spec.zone);
            if (zone === undefined)
                throw new Error(`Cannot start dyno "${spec.name}": unknown space or zone`);
            privateIp = intToIp(ipToInt(zone.subnet.split('/')[0] ?? '') + this.#nextHost++);
        }
        const dyno = { spec, state: 'starting', privateIp, updatedAt: new Date().toISOString(), exitCode: null };
        this.#dynos.set(spec.id, dyno);
        this.#hooks.log?.({
            appId: spec.appId,
            source: 'heroku',
            dyno: spec.name,
            message: `Starting process with command \`${spec.command}\``,
        });
        setImmediate(() => {
            if (this.#dynos.get(spec.id) === dyno && dyno.state === 'starting')
                this.#setState(dyno, 'up');
            if (spec.restart === 'never') {
                const exit = () => {
                    if (this.#dynos.get(spec.id) !== dyno || dyno.state !== 'up')
                        return;
                    dyno.exitCode = Number(/^exit (\d+)$/.exec(spec.command.trim())?.[1] ?? 0);
                    this.#hooks.log?.({ appId: spec.appId, source: 'heroku', dyno: spec.name, message: `Process exited with status ${dyno.exitCode}` });
                    this.#setState(dyno, dyno.exitCode === 0 ? 'down' : 'crashed');
                };
                const sleep = /^sleep (\d+)$/.exec(spec.command.trim());
                if (sleep === null)
                    setImmediate(exit);
                else
                    setTimeout(exit, Number(sleep[1]) * 1000).unref();
            }
        });
    }
    async stopDyno(dynoId) {
        const dyno = this.#dynos.get(dynoId);
        if (dyno === undefined)
            return;
        this.#dynos.delete(dynoId);
        this.#hooks.log?.({ appId: dyno.spec.appId, source: 'heroku', dyno: dyno.spec.name, message: 'Stopping all processes with SIGTERM' });
        if (dyno.state !== 'down')
            this.#setState(dyno, 'down');
    }
    async listDynos() {
        return [...this.#dynos.values()].map((d) => ({
            id: d.spec.id,
            appId: d.spec.appId,
            spaceId: d.spec.spaceId,
            name: d.spec.name,
            type: d.spec.type,
            zone: d.spec.zone,
            releaseId: d.spec.releaseId,
            state: d.state,
            privateIp: d.privateIp,
            port: d.spec.listens ? 5000 : null,
            updatedAt: d.updatedAt,
            exitCode: d.exitCode,
        }));
    }
    async cleanup() {
        this.#spaces.clear();
        this.#dynos.clear();
    }
    /** Test hook: every startDyno() throws this RuntimeError until called with undefined. */
    failStarts(failure) {
        this.#startError = failure === undefined ? undefined : new RuntimeError(failure.code, failure.message, { retryable: failure.retryable });
    }
    /** Test hook: makes a dyno's process exit as if it had crashed. */
    crash(dynoId) {
        const dyno = this.#dynos.get(dynoId);
        if (dyno !== undefined)
            this.#setState(dyno, 'crashed');
    }
    #setState(dyno, state) {
        const from = dyno.state;
        dyno.state = state;
        dyno.updatedAt = new Date().toISOString();
        this.#hooks.log?.({
            appId: dyno.spec.appId,
            source: 'heroku',
            dyno: dyno.spec.name,
            message: `State changed from ${from} to ${state}`,
        });
        this.#hooks.changed?.();
    }
}
//# sourceMappingURL=memory-runtime.js.map