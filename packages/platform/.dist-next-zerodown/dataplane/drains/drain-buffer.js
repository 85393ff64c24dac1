export class DrainBuffer {
    capacity;
    #items = [];
    #head = 0;
    /** Dropped since the last `takeDropped()`, per app. */
    #dropped = new Map();
    constructor(capacity) {
        this.capacity = Math.max(1, capacity);
    }
    get length() {
        return this.#items.length - this.#head;
    }
    push(line) {
        if (this.length >= this.capacity)
            this.drop(this.shift());
        this.#items.push(line);
    }
    /** Counts a line as dropped (the buffer overflowed, or the drain refused it). */
    drop(line) {
        if (line === undefined)
            return;
        const entry = this.#dropped.get(line.appId);
        if (entry === undefined)
            this.#dropped.set(line.appId, { count: 1, since: new Date().toISOString() });
        else
            entry.count++;
    }
    shift() {
        if (this.#head >= this.#items.length)
            return undefined;
        const line = this.#items[this.#head++];
        // Compact now and then so the array does not grow without bound.
        if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
            this.#items = this.#items.slice(this.#head);
            this.#head = 0;
        }
        return line;
    }
    /** Puts lines back at the front (a batch that failed), within capacity. */
    unshift(lines) {
        const rest = this.#items.slice(this.#head);
        this.#items = [...lines, ...rest];
        this.#head = 0;
        while (this.length > this.capacity)
            this.drop(this.shift());
    }
    hasDropped() {
        return this.#dropped.size > 0;
    }
    /** What was dropped since the last call, per app; resets the counts. */
    takeDropped() {
        const dropped = this.#dropped;
        this.#dropped = new Map();
        return dropped;
    }
}
//# sourceMappingURL=drain-buffer.js.map