/**
 * Log session filters, as logplex applies them: `source` is `app` or `heroku`; `dyno` is a dyno
 * (`web.1`), a process type that matches all its dynos (`web` → `web.1`, `web.2`), or a
 * platform component (`router`, `api`). `heroku logs -p router` sends `dyno: "router"`.
 */
export interface LogFilter {
    readonly dyno?: string;
    readonly source?: string;
}
export declare function matchesLogFilter(line: {
    readonly source: string;
    readonly dyno: string;
}, filter: LogFilter): boolean;
