import { fileURLToPath } from 'node:url';
import { SupervisedProcess } from '../../shared/supervised-process.js';
export class DrainProcessError extends Error {
    name = 'DrainProcessError';
}
/** The first restart waits a second (a crashing forwarder must not spin), then it doubles. */
function restartDelayMs(restarts) {
    return Math.min(60_000, 1000 * 2 ** restarts);
}
export class DrainProcess {
    #options;
    #process;
    #child = null;
    #closing = false;
    #feed = null;
    #runs = 0;
    /** IPC messages handed to the channel but not yet written out. */
    #unsent = 0;
    constructor(options) {
        this.#options = options;
        this.#process = new SupervisedProcess({
            name: 'the drain process',
            run: { fork: options.entry ?? fileURLToPath(new URL('../../bin/drains.js', import.meta.url)) },
            stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
            ready: { handshake: (child) => this.#handshake(child) },
            restartDelayMs,
            stopRequest: (child) => {
                if (child.connected)
                    this.#send({ type: 'close' }, child);
                else
                    child.kill('SIGTERM');
            },
            onReady: () => {
                this.#runs++;
                if (this.#runs > 1)
                    this.#options.onRestart?.();
            },
            onExit: (code, signal) => this.#options.onExit?.(code, signal),
        });
    }
    get pid() {
        return this.#child?.pid;
    }
    /** True while a ready child runs (lines pushed otherwise are lost: hold them back). */
    get running() {
        return this.#process.running && this.#child !== null;
    }
    /** True while the IPC channel is backed up: the caller should hold lines back. */
    get busy() {
        return this.#unsent > 8;
    }
    async start() {
        if (this.#process.running)
            throw new DrainProcessError('Cannot start the drain process: it is already running');
        this.#closing = false;
        await this.#process.start();
    }
    update(feed) {
        this.#feed = feed;
        this.#send({ type: 'feed', feed });
    }
    push(lines) {
        if (lines.length > 0)
            this.#send({ type: 'lines', lines });
    }
    async close() {
        this.#closing = true;
        await this.#process.stop();
    }
    /** Configures a new child: init, its ready message, then the last feed. */
    async #handshake(child) {
        this.#child = child;
        const ready = new Promise((resolve) => {
            child.on('message', (event) => {
                if (event.type === 'ready')
                    resolve();
                else
                    this.#options.onDrop(event.report);
            });
        });
        child.on('exit', () => {
            if (this.#child === child)
                this.#child = null;
            this.#unsent = 0;
        });
        this.#send({ type: 'init', capacity: this.#options.capacity, ca: this.#options.ca }, child);
        await ready;
        if (this.#feed !== null)
            this.#send({ type: 'feed', feed: this.#feed }, child);
    }
    #send(request, child = this.#child) {
        if (child === null || !child.connected)
            return;
        this.#unsent++;
        child.send(request, (error) => {
            this.#unsent = Math.max(0, this.#unsent - 1);
            if (error !== null && !this.#closing)
                child.kill('SIGTERM');
        });
    }
}
//# sourceMappingURL=drain-process.js.map