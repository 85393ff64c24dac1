/**
 * How the router's control of HAProxy went, in Prometheus' text format: admin commands sent
 * again after their connection failed, routing changes the serving process refused or could
 * not take (then converged by a new generation), and new generations by cause.
 */

/** Why a new HAProxy generation was loaded. */
export type ReloadCause = 'start' | 'config' | 'slots' | 'admin-failure';

export class RouterControlMetrics {
  #adminRetries = 0;
  #adminFailures = 0;
  readonly #reloads = new Map<ReloadCause, number>();

  adminRetry(): void {
    this.#adminRetries++;
  }

  adminFailure(): void {
    this.#adminFailures++;
  }

  reload(cause: ReloadCause): void {
    this.#reloads.set(cause, (this.#reloads.get(cause) ?? 0) + 1);
  }

  /** Reloads so far by cause (tests, logs). */
  get reloads(): ReadonlyMap<ReloadCause, number> {
    return this.#reloads;
  }

  render(): string {
    const out = [
      '# HELP cove_router_admin_retries_total Admin-socket commands sent again after their connection failed.',
      '# TYPE cove_router_admin_retries_total counter',
      `cove_router_admin_retries_total ${this.#adminRetries}`,
      '# HELP cove_router_admin_failures_total Routing changes the serving HAProxy did not take at run time (converged by a new generation).',
      '# TYPE cove_router_admin_failures_total counter',
      `cove_router_admin_failures_total ${this.#adminFailures}`,
      '# HELP cove_router_reloads_total New HAProxy generations, by cause.',
      '# TYPE cove_router_reloads_total counter',
    ];
    for (const cause of ['start', 'config', 'slots', 'admin-failure'] as const) out.push(`cove_router_reloads_total{cause="${cause}"} ${this.#reloads.get(cause) ?? 0}`);
    return out.join('\n') + '\n';
  }
}
