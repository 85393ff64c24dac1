/**
 * What every drain shares: lines wait in a bounded DrainBuffer until the transport takes them,
 * and a failed delivery is retried after a back-off that doubles from 200 ms up to 10 s and
 * starts over once something is delivered. Subclasses say how lines leave (`pump`) and what
 * to let go of on close (`release`).
 */
import { DrainBuffer } from './drain-buffer.js';
const MIN_BACKOFF_MS = 200;
const MAX_BACKOFF_MS = 10_000;
export class BufferedDrain {
    target;
    url;
    options;
    buffer;
    closed = false;
    #backoff = MIN_BACKOFF_MS;
    #retry = null;
    constructor(target, options) {
        this.target = target;
        this.url = new URL(target.url);
        this.options = options;
        this.buffer = new DrainBuffer(options.capacity);
    }
    push(line) {
        this.buffer.push(line);
        this.pump();
    }
    takeDropped() {
        return this.buffer.takeDropped();
    }
    close() {
        this.closed = true;
        if (this.#retry !== null)
            clearTimeout(this.#retry);
        this.#retry = null;
        this.release();
    }
    /** A retry is scheduled. */
    get retrying() {
        return this.#retry !== null;
    }
    /** Runs `again` after the current back-off, which then doubles. */
    retryLater(again) {
        this.#retry = setTimeout(() => {
            this.#retry = null;
            again();
        }, this.#backoff);
        this.#backoff = Math.min(this.#backoff * 2, MAX_BACKOFF_MS);
    }
    /** The transport took lines: the next failure waits the shortest back-off again. */
    delivered() {
        this.#backoff = MIN_BACKOFF_MS;
    }
}
//# sourceMappingURL=buffered-drain.js.map