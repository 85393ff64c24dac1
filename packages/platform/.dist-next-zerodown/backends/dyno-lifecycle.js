import { restartBackoffMs } from '../shared/supervised-process.js';
const R14_INTERVAL_MS = 20_000;
const MEMORY_POLL_MS = 1000;
const STABLE_UP_MS = 60_000;
/** A fresh dyno's lifecycle state, `starting` and never launched. */
export function initialLifecycleState(now) {
    return {
        state: 'starting',
        updatedAt: new Date(now).toISOString(),
        launch: 0,
        launchedAt: now,
        upAt: null,
        restarts: 0,
        nextRestartAt: null,
        stopping: false,
        zoneDown: false,
    };
}
export class DynoLifecycle {
    #spec;
    #state;
    /** R10 was reported for the current launch. */
    #r10 = false;
    #lastMemoryPoll = 0;
    #lastR14 = 0;
    #stopDeadline = 0;
    #stopGraceSeconds = 0;
    constructor(spec, state) {
        this.#spec = spec;
        this.#state = state;
    }
    get state() {
        return this.#state.state;
    }
    /** True while the process is meant to run: the backend watches it for an exit, $PORT and memory. */
    get supervised() {
        const s = this.#state;
        return !s.stopping && (s.state === 'starting' || s.state === 'up' || (s.state === 'down' && s.zoneDown));
    }
    /** True while the backend should look for a listener on $PORT (then report `bound` or `notBound`). */
    get awaitingBind() {
        return this.supervised && this.#state.state === 'starting' && this.#spec.listens;
    }
    /** True when a crashed dyno's back-off has run out: call `restarting`, then launch it. */
    restartDue(now) {
        const s = this.#state;
        return !s.stopping && s.state === 'crashed' && this.#spec.restart === 'always' && s.nextRestartAt !== null && now >= s.nextRestartAt;
    }
    /** A crashed dyno is about to be launched again. */
    restarting(now) {
        return this.#setState('starting', now);
    }
    /** The process is about to be launched (first launch or restart). */
    launching(now) {
        const s = this.#state;
        s.launch += 1;
        s.launchedAt = now;
        s.upAt = null;
        s.nextRestartAt = null;
        s.exitCode = null;
        this.#r10 = false;
        return [{ type: 'log', message: `Starting process with command \`${this.#spec.command}\`` }];
    }
    /** The process was launched: a dyno that does not listen is `up` at once. */
    launched(now) {
        return this.#spec.listens ? [] : this.#setState('up', now);
    }
    /** A listener on $PORT was seen while `starting`. */
    bound(now) {
        const effects = this.#setState('up', now);
        this.#state.upAt = now;
        return effects;
    }
    /** No listener on $PORT yet: past the boot timeout, R10 and the process is killed (once). */
    notBound(now) {
        const s = this.#state;
        if (this.#r10 || now - s.launchedAt <= this.#spec.bootTimeoutSeconds * 1000)
            return [];
        this.#r10 = true;
        return [
            {
                type: 'log',
                message: `Error R10 (Boot timeout) -> Web process failed to bind to $PORT within ${this.#spec.bootTimeoutSeconds} seconds of launch`,
            },
            { type: 'log', message: 'Stopping process with SIGKILL' },
            { type: 'signal', signal: 'SIGKILL' },
        ];
    }
    /**
     * The process still runs (after the $PORT check): notes when it came up and says whether its
     * memory is due to be sampled (then report `memoryUsed`).
     */
    running(now) {
        const s = this.#state;
        if (s.state === 'up' && s.upAt === null)
            s.upAt = now;
        if (now - this.#lastMemoryPoll < MEMORY_POLL_MS)
            return { sampleMemory: false };
        this.#lastMemoryPoll = now;
        return { sampleMemory: true };
    }
    /** The dyno's memory use in bytes (null when unknown): over the quota, R14 now and then. */
    memoryUsed(now, bytes) {
        const quota = this.#spec.limits.memoryMb * 1024 * 1024;
        if (bytes === null || bytes <= quota || now - this.#lastR14 < R14_INTERVAL_MS)
            return [];
        this.#lastR14 = now;
        return [
            { type: 'log', message: `Process running mem=${Math.round(bytes / 1048576)}M(${Math.round((bytes / quota) * 100)}.0%)` },
            { type: 'log', message: 'Error R14 (Memory quota exceeded)' },
        ];
    }
    /**
     * The process ended with `status` (-1: unknown, it vanished); `oomKilled` when the kernel
     * killed it for memory. Crashed (and due for a restart with back-off) or down.
     */
    exited(now, status, oomKilled) {
        const s = this.#state;
        const effects = [];
        if (oomKilled) {
            effects.push({ type: 'log', message: 'Error R15 (Memory quota vastly exceeded)' }, { type: 'log', message: 'Stopping process with SIGKILL' });
        }
        if (status >= 0)
            effects.push({ type: 'log', message: `Process exited with status ${status}` });
        // Whatever the process left behind goes with it.
        effects.push({ type: 'signal', signal: 'SIGKILL' });
        const stayedUp = s.upAt !== null && now - s.upAt >= STABLE_UP_MS;
        if (stayedUp)
            s.restarts = 0;
        s.zoneDown = false;
        s.exitCode = status;
        if (this.#spec.restart === 'always') {
            effects.push(...this.#setState('crashed', now));
            s.nextRestartAt = now + restartBackoffMs(s.restarts);
            s.restarts += 1;
        }
        else {
            effects.push(...this.#setState(status === 0 ? 'down' : 'crashed', now));
        }
        return effects;
    }
    /** Zone drills: a dyno in a failed zone is `down` (unreachable); it comes back when the zone does. */
    zoneHealth(now, healthy) {
        const s = this.#state;
        if (!healthy && (s.state === 'up' || s.state === 'starting')) {
            s.zoneDown = true;
            return this.#setState('down', now);
        }
        if (healthy && s.zoneDown) {
            s.zoneDown = false;
            s.launchedAt = now;
            return this.#setState(this.#spec.listens ? 'starting' : 'up', now);
        }
        return [];
    }
    /** A stop was asked for: supervision ends (the backend persists that before it signals). */
    stopRequested() {
        this.#state.stopping = true;
    }
    /** The stop begins; `running` says whether any process is left to stop. */
    stopBegins(now, running, graceSeconds) {
        this.#stopDeadline = now + graceSeconds * 1000;
        this.#stopGraceSeconds = graceSeconds;
        if (!running)
            return [];
        return [
            { type: 'log', message: 'Stopping all processes with SIGTERM' },
            { type: 'signal', signal: 'SIGTERM' },
        ];
    }
    /** While stopping: `running` says whether processes are left; past the grace period, R12. */
    stopWait(now, running) {
        if (!running)
            return { progress: 'exited', effects: [] };
        if (now < this.#stopDeadline)
            return { progress: 'waiting', effects: [] };
        return {
            progress: 'killed',
            effects: [
                {
                    type: 'log',
                    message: `Error R12 (Exit timeout) -> At least one process failed to exit within ${this.#stopGraceSeconds} seconds of SIGTERM`,
                },
                { type: 'log', message: 'Stopping remaining processes with SIGKILL' },
                { type: 'signal', signal: 'SIGKILL' },
            ],
        };
    }
    /** The stop is over; `status` is the process's exit status when it is known. */
    stopped(now, status) {
        const effects = [];
        if (status !== null)
            effects.push({ type: 'log', message: `Process exited with status ${status}` });
        effects.push(...this.#setState('down', now));
        return effects;
    }
    #setState(to, now) {
        const s = this.#state;
        const from = s.state;
        if (from === to)
            return [];
        s.state = to;
        s.updatedAt = new Date(now).toISOString();
        return [
            { type: 'log', message: `State changed from ${from} to ${to}` },
            { type: 'changed', from, to },
        ];
    }
}
//# sourceMappingURL=dyno-lifecycle.js.map