/**
 * One long-running helper process of `cove server` (the DNS server, the drain forwarder, later
 * VPN daemons and add-on servers), supervised the same way whichever it is:
 *
 * - start: spawn an executable or fork a Node module (with an IPC channel), with its arguments
 *   and environment, optionally inside cgroups (it joins them before it runs anything);
 * - readiness: `start()` resolves once the process is ready — when it was spawned, when it sent
 *   a `{ type: <message> }` IPC message, when a probe succeeds, or when a handshake resolves;
 * - restart: a process that dies without `stop()` is started again after a back-off (immediate,
 *   then 1 s, 2 s, 4 s… capped at 60 s; a run that lasted 60 s starts the back-off over);
 * - stop: a polite request (SIGTERM unless the owner asks over IPC), then SIGKILL after a grace;
 * - adopt: with a pidfile, a new control plane takes over a process an earlier one started,
 *   after checking that the pid is still that process (its start time in /proc/<pid>/stat and
 *   its command line): a pid reused by another process is never signalled.
 *
 * An adopted process is not this process's child: it has no IPC channel and its exit is seen by
 * polling /proc. So adoption suits daemons reached over sockets, not IPC children.
 */
import { fork, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
/** The identity of the live process `pid`, or null when there is none (or it is a zombie). */
export function processIdentity(pid) {
    if (!Number.isInteger(pid) || pid <= 0)
        return null;
    let stat;
    try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    }
    catch {
        return null;
    }
    // The command name (field 2) is in parentheses and may contain spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const state = fields[0];
    const startTime = fields[19];
    if (startTime === undefined || state === 'Z' || state === 'X')
        return null;
    return { pid, startTime };
}
/** True while `identity`'s process runs (not merely some process with its pid). */
export function isRunning(identity) {
    return processIdentity(identity.pid)?.startTime === identity.startTime;
}
/** Sends `signal` to `identity`'s process if it still is that process; false when it is gone. */
export function signalProcess(identity, signal) {
    if (!isRunning(identity))
        return false;
    try {
        process.kill(identity.pid, signal);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Stops `identity`'s process: SIGTERM, then SIGKILL once `graceMs` passed; resolves when it is
 * gone. Never signals a process that merely reuses the pid.
 */
export async function terminateProcess(identity, graceMs) {
    if (!signalProcess(identity, 'SIGTERM'))
        return;
    const deadline = Date.now() + graceMs;
    let killed = false;
    while (isRunning(identity)) {
        if (!killed && Date.now() >= deadline) {
            killed = true;
            signalProcess(identity, 'SIGKILL');
        }
        await delay(10);
    }
}
/** Restart back-off: immediate, then 1 s, 2 s, 4 s… capped at 60 s. */
export function restartBackoffMs(restarts) {
    return restarts <= 0 ? 0 : Math.min(60_000, 1000 * 2 ** (restarts - 1));
}
export class SupervisedProcessError extends Error {
    name = 'SupervisedProcessError';
}
const CGROUP_JOIN = 'for f in $COVE_CGROUP_PROCS; do echo $$ > "$f"; done; exec "$@"';
export class SupervisedProcess {
    #options;
    #run = null;
    /** The start in progress (first start or restart), joined by `start()`. */
    #starting = null;
    #restartTimer = null;
    #restartWaiters = [];
    #restarts = 0;
    #stopped = true;
    constructor(options) {
        this.#options = options;
    }
    /** The process's pid while it runs. */
    get pid() {
        return this.#run?.identity.pid;
    }
    /** The running child (null when adopted or not running). */
    get child() {
        return this.#run?.child ?? null;
    }
    /** True while a ready process runs. */
    get running() {
        return this.#run !== null && this.#starting === null;
    }
    /**
     * Starts the process and resolves once it is ready. While a restart is pending or in progress
     * it joins that one; while a process runs it is a no-op.
     */
    start() {
        this.#stopped = false;
        if (this.#starting !== null)
            return this.#starting;
        if (this.#restartTimer !== null) {
            return new Promise((resolve, reject) => this.#restartWaiters.push({ resolve, reject }));
        }
        if (this.#run !== null)
            return Promise.resolve();
        return this.#launch();
    }
    /**
     * Takes over the process the pidfile names if it still runs as started (same start time and
     * command line); true when adopted. Stale pidfiles are removed.
     */
    async adopt() {
        const file = this.#options.pidFile;
        if (file === undefined)
            throw new SupervisedProcessError(`Cannot adopt ${this.#options.name}: it has no pidfile`);
        if (this.#run !== null || this.#starting !== null)
            return false;
        let saved;
        try {
            saved = JSON.parse(await readFile(file, 'utf8'));
        }
        catch {
            return false;
        }
        const identity = processIdentity(saved.pid);
        const cmdline = await readCmdline(saved.pid);
        if (identity === null || identity.startTime !== saved.startTime || cmdline !== saved.cmdline) {
            await rm(file, { force: true });
            return false;
        }
        this.#stopped = false;
        this.#restarts = 0;
        this.#attach(this.#watch(identity));
        await this.#options.onReady?.(null);
        return true;
    }
    /** Stops the process (request, grace, SIGKILL) and any pending restart; resolves once it is gone. */
    async stop() {
        this.#stopped = true;
        if (this.#restartTimer !== null)
            clearTimeout(this.#restartTimer);
        this.#restartTimer = null;
        for (const waiter of this.#restartWaiters.splice(0))
            waiter.reject(new SupervisedProcessError(`${this.#options.name} was stopped`));
        await this.#starting?.catch(() => undefined);
        const run = this.#run;
        if (run === null)
            return;
        const grace = this.#options.stopGraceMs ?? 5000;
        const kill = setTimeout(() => signalProcess(run.identity, 'SIGKILL'), grace);
        try {
            if (run.child !== null && this.#options.stopRequest !== undefined)
                this.#options.stopRequest(run.child);
            else
                signalProcess(run.identity, 'SIGTERM');
            await run.exited;
        }
        finally {
            clearTimeout(kill);
        }
        if (this.#options.pidFile !== undefined)
            await rm(this.#options.pidFile, { force: true });
    }
    #launch() {
        const starting = this.#spawnReady().finally(() => {
            if (this.#starting === starting)
                this.#starting = null;
        });
        this.#starting = starting;
        return starting;
    }
    async #spawnReady() {
        const o = this.#options;
        const cgroups = o.cgroupProcs ?? [];
        const args = [...(o.run.args ?? [])];
        let child;
        if ('fork' in o.run) {
            child = fork(o.run.fork, args, { stdio: o.stdio ?? ['ignore', 'ignore', 'inherit', 'ipc'], ...(o.env === undefined ? {} : { env: o.env }) });
        }
        else {
            const env = o.env ?? { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' };
            const stdio = o.stdio ?? ['ignore', 'ignore', 'inherit'];
            // The shell joins the cgroups first, so the command (and what it forks) is born inside them.
            child =
                cgroups.length === 0
                    ? spawn(o.run.command, args, { stdio, env })
                    : spawn('sh', ['-c', CGROUP_JOIN, 'sh', o.run.command, ...args], { stdio, env: { ...env, COVE_CGROUP_PROCS: cgroups.join(' ') } });
        }
        const spawned = new Promise((resolve, reject) => {
            child.once('spawn', resolve);
            child.once('error', reject);
        });
        const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
        try {
            await spawned;
        }
        catch (error) {
            throw new SupervisedProcessError(`Cannot start ${o.name}: ${error.message}`, { cause: error });
        }
        const pid = child.pid ?? 0;
        // A forked Node module cannot be wrapped in the shell (its IPC channel): it joins just after.
        if ('fork' in o.run)
            for (const file of cgroups)
                await writeFile(file, String(pid));
        const identity = processIdentity(pid) ?? { pid, startTime: '' };
        const run = { identity, child, startedAt: Date.now(), exited, unwatch: () => undefined };
        const early = exited.then(({ code, signal }) => Promise.reject(new SupervisedProcessError(`${o.name} exited while starting: code ${code}, signal ${signal}`)));
        early.catch(() => undefined);
        const timeoutMs = o.readyTimeoutMs ?? 10_000;
        let timer;
        const timeout = new Promise((_, reject) => {
            timer = setTimeout(() => reject(new SupervisedProcessError(`${o.name} was not ready within ${timeoutMs} ms`)), timeoutMs);
        });
        try {
            await Promise.race([this.#ready(child), early, timeout]);
        }
        catch (error) {
            child.kill('SIGKILL');
            await exited;
            throw error;
        }
        finally {
            clearTimeout(timer);
        }
        if (o.pidFile !== undefined) {
            // A spawned command may still be its cgroup-joining shell at this point; after `exec` its
            // command line is exactly the command and its arguments, so record that.
            const cmdline = 'fork' in o.run ? await readCmdline(pid) : [o.run.command, ...(o.run.args ?? [])].join(' ').trim();
            const tmp = `${o.pidFile}.tmp`;
            await writeFile(tmp, JSON.stringify({ pid, startTime: identity.startTime, cmdline }), { mode: 0o600 });
            await rename(tmp, o.pidFile);
        }
        this.#attach(run);
        await o.onReady?.(child);
    }
    async #ready(child) {
        const ready = this.#options.ready ?? 'spawned';
        if (ready === 'spawned')
            return;
        if ('handshake' in ready)
            return ready.handshake(child);
        if ('message' in ready) {
            if (child.send === undefined)
                throw new SupervisedProcessError(`${this.#options.name} has no IPC channel to say it is ready`);
            await new Promise((resolve) => {
                const onMessage = (message) => {
                    if (typeof message === 'object' && message !== null && message.type === ready.message) {
                        child.off('message', onMessage);
                        resolve();
                    }
                };
                child.on('message', onMessage);
            });
            return;
        }
        while (child.exitCode === null && child.signalCode === null && !(await ready.probe()))
            await delay(ready.intervalMs ?? 50);
    }
    /** Makes `run` the current one and follows its end. */
    #attach(run) {
        this.#run = run;
        void run.exited.then(({ code, signal }) => this.#onExit(run, code, signal));
    }
    #onExit(run, code, signal) {
        if (this.#run !== run)
            return;
        this.#run = null;
        run.unwatch();
        if (this.#stopped)
            return;
        const o = this.#options;
        if (Date.now() - run.startedAt >= (o.stableMs ?? 60_000))
            this.#restarts = 0;
        const restarting = o.restart ?? true;
        // Scheduled first, so a `start()` from the owner's onExit joins the restart (and its back-off).
        if (restarting)
            this.#scheduleRestart();
        o.onExit?.(code, signal, restarting);
    }
    #scheduleRestart() {
        if (this.#restartTimer !== null || this.#starting !== null || this.#run !== null)
            return;
        const delayMs = (this.#options.restartDelayMs ?? restartBackoffMs)(this.#restarts);
        this.#restarts += 1;
        this.#restartTimer = setTimeout(() => {
            this.#restartTimer = null;
            if (this.#stopped)
                return;
            const waiters = this.#restartWaiters.splice(0);
            this.#launch().then(() => {
                for (const waiter of waiters)
                    waiter.resolve();
            }, (error) => {
                const failure = error instanceof Error ? error : new Error(String(error));
                this.#options.onError?.(failure);
                if (this.#stopped) {
                    for (const waiter of waiters)
                        waiter.reject(failure);
                    return;
                }
                // The waiters wait for the next attempt.
                this.#restartWaiters.push(...waiters);
                this.#scheduleRestart();
            });
        }, delayMs);
    }
    /** Follows an adopted process (not our child): polls /proc until it is gone. */
    #watch(identity) {
        let timer = null;
        const exited = new Promise((resolve) => {
            timer = setInterval(() => {
                if (isRunning(identity))
                    return;
                if (timer !== null)
                    clearInterval(timer);
                // Not our child: its status is not ours to read.
                resolve({ code: null, signal: null });
            }, 100);
        });
        return {
            identity,
            child: null,
            startedAt: Date.now(),
            exited,
            unwatch: () => {
                if (timer !== null)
                    clearInterval(timer);
            },
        };
    }
}
async function readCmdline(pid) {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).replaceAll('\0', ' ').trim();
}
function delay(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
//# sourceMappingURL=supervised-process.js.map