/**
 * A drain's bounded FIFO: while a drain cannot keep up (down, slow, unreachable) it keeps the
 * newest `capacity` lines and drops the oldest, counting what it dropped per app so the
 * forwarder can say so (L10). Memory per drain is bounded whatever the drain does.
 */
import type { DrainLine } from './drain-feed.js';

export interface DroppedLines {
  count: number;
  since: string;
}

export class DrainBuffer {
  readonly capacity: number;
  #items: DrainLine[] = [];
  #head = 0;
  /** Dropped since the last `takeDropped()`, per app. */
  #dropped = new Map<string, DroppedLines>();

  constructor(capacity: number) {
    this.capacity = Math.max(1, capacity);
  }

  get length(): number {
    return this.#items.length - this.#head;
  }

  push(line: DrainLine): void {
    if (this.length >= this.capacity) this.drop(this.shift());
    this.#items.push(line);
  }

  /** Counts a line as dropped (the buffer overflowed, or the drain refused it). */
  drop(line: DrainLine | undefined): void {
    if (line === undefined) return;
    const entry = this.#dropped.get(line.appId);
    if (entry === undefined) this.#dropped.set(line.appId, { count: 1, since: new Date().toISOString() });
    else entry.count++;
  }

  shift(): DrainLine | undefined {
    if (this.#head >= this.#items.length) return undefined;
    const line = this.#items[this.#head++];
    // Compact now and then so the array does not grow without bound.
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return line;
  }

  /** Puts lines back at the front (a batch that failed), within capacity. */
  unshift(lines: readonly DrainLine[]): void {
    const rest = this.#items.slice(this.#head);
    this.#items = [...lines, ...rest];
    this.#head = 0;
    while (this.length > this.capacity) this.drop(this.shift());
  }

  hasDropped(): boolean {
    return this.#dropped.size > 0;
  }

  /** What was dropped since the last call, per app; resets the counts. */
  takeDropped(): Map<string, DroppedLines> {
    const dropped = this.#dropped;
    this.#dropped = new Map();
    return dropped;
  }
}
