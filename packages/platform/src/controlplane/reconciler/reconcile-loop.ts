/**
 * The loop that drives the resource reconcilers: a pass runs each of them once, in dependency
 * order. Passes are triggered by store changes, by the runtime, by the interval and by the
 * earliest back-off a reconciler asked for; they never overlap, and a trigger during a pass
 * runs one more pass after it.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { SerialTrigger } from '../../shared/serial-trigger.js';
import type { ResourceReconciler } from './resource-reconciler.js';

export interface ReconcileLoopOptions {
  /** A pass runs at least this often, even without a trigger. */
  readonly intervalMs: number;
  /** Subscribes to changes of desired state; returns the unsubscribe. */
  readonly onChange?: (listener: () => void) => () => void;
  readonly onError?: (message: string, error: unknown) => void;
}

/** Orders reconcilers so each comes after those it names in `after`; throws on a cycle or a stranger. */
export function orderReconcilers(reconcilers: readonly ResourceReconciler[]): ResourceReconciler[] {
  const known = new Set(reconcilers);
  const ordered: ResourceReconciler[] = [];
  const state = new Map<ResourceReconciler, 'visiting' | 'done'>();
  const visit = (r: ResourceReconciler): void => {
    if (state.get(r) === 'done') return;
    if (state.get(r) === 'visiting') throw new Error(`Reconcilers depend on each other in a cycle through "${r.name}"`);
    if (!known.has(r)) throw new Error(`Reconciler "${r.name}" is a dependency but is not in the loop`);
    state.set(r, 'visiting');
    for (const d of r.after) visit(d);
    state.set(r, 'done');
    ordered.push(r);
  };
  for (const r of reconcilers) visit(r);
  return ordered;
}

export class ReconcileLoop {
  readonly #reconcilers: readonly ResourceReconciler[];
  readonly #options: ReconcileLoopOptions;
  #timer: NodeJS.Timeout | undefined;
  #retryTimer: NodeJS.Timeout | undefined;
  readonly #trigger = new SerialTrigger(() => this.#pass());
  #closed = false;
  #unsubscribe: (() => void) | undefined;
  #passes = 0;
  #started = false;

  constructor(reconcilers: readonly ResourceReconciler[], options: ReconcileLoopOptions) {
    this.#reconcilers = orderReconcilers(reconcilers);
    this.#options = options;
  }

  /** Completed passes; tests wait on it. */
  get passes(): number {
    return this.#passes;
  }

  start(): void {
    this.#started = true;
    this.#unsubscribe = this.#options.onChange?.(() => this.trigger());
    this.#timer = setInterval(() => this.trigger(), this.#options.intervalMs);
    this.#timer.unref();
    this.trigger();
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#unsubscribe?.();
    if (this.#timer !== undefined) clearInterval(this.#timer);
    if (this.#retryTimer !== undefined) clearTimeout(this.#retryTimer);
    await this.#trigger.close();
  }

  /** Asks for a pass soon; passes never overlap, and a request during one runs another. */
  trigger(): void {
    this.#trigger.trigger();
  }

  async #pass(): Promise<void> {
    await delay(0);
    try {
      await this.reconcileOnce();
    } catch (error) {
      this.#options.onError?.('Reconciler pass failed', error);
    }
    this.#passes++;
  }

  /**
   * One pass over every reconciler. A reconciler that throws is reported and its dependents
   * skip this pass; the pass then rejects with the first error (tests call this directly).
   */
  async reconcileOnce(): Promise<void> {
    const failed = new Set<ResourceReconciler>();
    let retryInMs: number | null = null;
    let firstError: unknown;
    for (const reconciler of this.#reconcilers) {
      if (reconciler.after.some((d) => failed.has(d))) {
        failed.add(reconciler);
        continue;
      }
      try {
        const result = await reconciler.reconcile();
        if (result.retryInMs !== null) retryInMs = Math.min(retryInMs ?? Infinity, result.retryInMs);
      } catch (error) {
        failed.add(reconciler);
        firstError ??= error;
      }
    }
    this.#scheduleRetry(retryInMs);
    if (firstError !== undefined) throw firstError instanceof Error ? firstError : new Error(String(firstError));
  }

  /** Wakes the loop when the earliest back-off ends, so a retry waits neither less nor much more. */
  #scheduleRetry(retryInMs: number | null): void {
    if (this.#retryTimer !== undefined) clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    if (retryInMs === null || this.#closed || !this.#started) return;
    this.#retryTimer = setTimeout(() => this.trigger(), Math.max(1, retryInMs));
    this.#retryTimer.unref();
  }
}
