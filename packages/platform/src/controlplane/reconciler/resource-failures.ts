/**
 * What a reconciler remembers about resources that failed to converge, so it acts on the
 * runtime's verdict instead of retrying every pass at full speed:
 *
 * - a retryable error backs off per resource: the next attempt waits `baseMs`, doubling with
 *   each failure up to `capMs`; a success forgets it;
 * - a permanent one (a RuntimeError with `retryable: false`, e.g. `CAPABILITY_MISSING`) stops the
 *   attempts for that key until the key changes (callers put what the resource asks for in it,
 *   so an edit retries at once) or the process restarts.
 *
 * Errors that are not RuntimeErrors count as retryable: nothing said they were permanent.
 */
import { RuntimeError } from '../../shared/errors.js';

export interface ResourceFailuresOptions {
  /** First back-off. @default 1000 */
  readonly baseMs?: number;
  /** Longest back-off. @default 30000 */
  readonly capMs?: number;
  /** The clock, for tests. */
  readonly now?: () => number;
}

/** How one failure was judged. */
export interface FailureVerdict {
  readonly permanent: boolean;
  readonly message: string;
  /** Set for retryable failures: when the next attempt may run. */
  readonly retryInMs: number | null;
  /** True the first time this message is seen for the key (report it then, not every pass). */
  readonly isNew: boolean;
}

interface Entry {
  failures: number;
  retryAt: number;
  permanent: boolean;
  message: string;
}

/** True when the error says retrying cannot help. */
export function isPermanent(error: unknown): boolean {
  return error instanceof RuntimeError && !error.retryable;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class ResourceFailures {
  readonly #baseMs: number;
  readonly #capMs: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry>();

  constructor(options: ResourceFailuresOptions = {}) {
    this.#baseMs = options.baseMs ?? 1000;
    this.#capMs = options.capMs ?? 30_000;
    this.#now = options.now ?? Date.now;
  }

  /** True while the resource should not be attempted: backing off, or failed for good. */
  waiting(key: string): boolean {
    const entry = this.#entries.get(key);
    return entry !== undefined && (entry.permanent || this.#now() < entry.retryAt);
  }

  /** The permanent failure's message, if the resource failed for good. */
  permanentFailure(key: string): string | null {
    const entry = this.#entries.get(key);
    return entry?.permanent === true ? entry.message : null;
  }

  /** Records a failed attempt and judges it. */
  failed(key: string, error: unknown): FailureVerdict {
    const message = errorMessage(error);
    const permanent = isPermanent(error);
    const before = this.#entries.get(key);
    const failures = (before?.failures ?? 0) + 1;
    const delay = permanent ? null : Math.min(this.#capMs, this.#baseMs * 2 ** (failures - 1));
    this.#entries.set(key, { failures, retryAt: this.#now() + (delay ?? 0), permanent, message });
    return { permanent, message, retryInMs: delay, isNew: before?.message !== message };
  }

  /** Forgets the resource's failures: it converged. */
  succeeded(key: string): void {
    this.#entries.delete(key);
  }

  /** Forgets every key not in `keys` (resources that went away or changed). */
  retain(keys: ReadonlySet<string>): void {
    for (const key of this.#entries.keys()) if (!keys.has(key)) this.#entries.delete(key);
  }

  /** Milliseconds until the earliest pending retry, or null when none is pending. */
  nextRetryInMs(): number | null {
    const now = this.#now();
    let next: number | null = null;
    for (const entry of this.#entries.values()) {
      if (entry.permanent) continue;
      const wait = Math.max(0, entry.retryAt - now);
      if (next === null || wait < next) next = wait;
    }
    return next;
  }
}
