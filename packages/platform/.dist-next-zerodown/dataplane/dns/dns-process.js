import { fileURLToPath } from 'node:url';
import { SupervisedProcess } from '../../shared/supervised-process.js';
export class DnsProcessError extends Error {
    name = 'DnsProcessError';
}
export class DnsProcess {
    #options;
    #waiters = new Map();
    #process;
    #child = null;
    #nextId = 1;
    #lastFeed = null;
    #runs = 0;
    constructor(options = {}) {
        this.#options = options;
        this.#process = new SupervisedProcess({
            name: 'the DNS process',
            run: { fork: options.entry ?? fileURLToPath(new URL('../../bin/dns.js', import.meta.url)) },
            stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
            ready: { handshake: (child) => this.#handshake(child) },
            stopRequest: (child) => {
                // Without its IPC channel the child cannot hear "close": a signal, not the whole grace.
                if (child.connected)
                    this.#request({ type: 'close', id: this.#nextId++ }, undefined, child).catch(() => { });
                else
                    child.kill('SIGTERM');
            },
            ...(options.closeGraceMs === undefined ? {} : { stopGraceMs: options.closeGraceMs }),
            onReady: () => {
                this.#runs++;
                if (this.#runs > 1)
                    this.#options.onRestart?.();
            },
            onExit: (code, signal) => {
                this.#options.log?.error('DNS process exited', new DnsProcessError(`DNS process exited: code ${code}, signal ${signal}`));
                this.#options.onExit?.(code, signal);
            },
            onError: (error) => this.#options.log?.error('Could not restart the DNS process', error),
        });
    }
    /** The child's pid while it runs. */
    get pid() {
        return this.#child?.pid;
    }
    /**
     * Forks the child and configures it; replays the last feed after a restart. While a restart
     * after a crash is pending, it resolves once that restart is done.
     */
    async start() {
        if (this.#process.running)
            throw new DnsProcessError('Cannot start the DNS process: it is already running');
        await this.#process.start();
    }
    /** Configures a new child: its exit fails what waits on it; init, then the last feed. */
    async #handshake(child) {
        this.#child = child;
        child.on('message', (msg) => this.#onEvent(msg));
        child.on('exit', (code, signal) => {
            if (this.#child === child)
                this.#child = null;
            const error = new DnsProcessError(`DNS process exited: code ${code}, signal ${signal}`);
            for (const waiter of this.#waiters.values())
                waiter.reject(error);
            this.#waiters.clear();
        });
        await this.#request({
            type: 'init',
            id: this.#nextId++,
            upstreams: this.#options.upstreams ?? null,
            ...(this.#options.ttl === undefined ? {} : { ttl: this.#options.ttl }),
            ...(this.#options.attemptTimeoutMs === undefined ? {} : { attemptTimeoutMs: this.#options.attemptTimeoutMs }),
        });
        if (this.#lastFeed !== null)
            await this.#request({ type: 'update', id: this.#nextId++, feed: this.#lastFeed });
    }
    /**
     * Hands `spaceId`'s bound sockets to the child, then closes this process's copies (otherwise
     * both processes would read from them).
     */
    async attach(spaceId, udp, tcp) {
        await this.#request({ type: 'udp', id: this.#nextId++, spaceId, withTcp: tcp !== undefined }, udp);
        udp.close();
        if (tcp !== undefined) {
            await this.#request({ type: 'tcp', id: this.#nextId++, spaceId }, tcp);
            tcp.close();
        }
    }
    /** Stops serving `spaceId`; the child closes its sockets. */
    async detach(spaceId) {
        await this.#request({ type: 'detach', id: this.#nextId++, spaceId });
    }
    /** Replaces every space's records; resolves once the child answers from the new feed. */
    async update(feed) {
        this.#lastFeed = feed;
        await this.#request({ type: 'update', id: this.#nextId++, feed });
    }
    /** Closes every socket and waits for the child to exit (SIGKILL after the grace). */
    async close() {
        await this.#process.stop();
    }
    #onEvent(event) {
        if (event.type === 'socket-error') {
            this.#options.log?.error('DNS socket error', new Error(`space ${event.spaceId}: ${event.message}`));
            return;
        }
        const waiter = this.#waiters.get(event.id);
        if (waiter === undefined)
            return;
        this.#waiters.delete(event.id);
        if (event.error === undefined)
            waiter.resolve();
        else
            waiter.reject(new DnsProcessError(event.error));
    }
    #request(request, handle, child = this.#child) {
        if (child === null || !child.connected) {
            return Promise.reject(new DnsProcessError(`Cannot send "${request.type}" to the DNS process: it is not running`));
        }
        return new Promise((resolve, reject) => {
            this.#waiters.set(request.id, { resolve, reject });
            const sent = (error) => {
                if (error === null)
                    return;
                this.#waiters.delete(request.id);
                reject(error);
            };
            if (handle === undefined)
                child.send(request, sent);
            else
                child.send(request, handle, sent);
        });
    }
}
//# sourceMappingURL=dns-process.js.map