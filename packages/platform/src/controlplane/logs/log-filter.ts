/**
 * Log session filters, as logplex applies them: `source` is `app` or `heroku`; `dyno` is a dyno
 * (`web.1`), a process type that matches all its dynos (`web` → `web.1`, `web.2`), or a
 * platform component (`router`, `api`). `heroku logs -p router` sends `dyno: "router"`.
 */
export interface LogFilter {
  readonly dyno?: string;
  readonly source?: string;
}

export function matchesLogFilter(line: { readonly source: string; readonly dyno: string }, filter: LogFilter): boolean {
  if (filter.source !== undefined && line.source !== filter.source) return false;
  if (filter.dyno !== undefined && line.dyno !== filter.dyno && !line.dyno.startsWith(`${filter.dyno}.`)) return false;
  return true;
}
