/**
 * What the drain forwarder needs from the control plane: every drain, the apps whose lines it
 * carries, and the lines themselves. Plain data, so it crosses the IPC channel as JSON.
 */
import type { LogLineParts } from '../../shared/log-line-format.js';
export interface DrainTarget {
    readonly id: string;
    /** `syslog://`, `syslog+tls://`, `https://` or `http://`. */
    readonly url: string;
    /** `d.<uuid>`, sent as `Logplex-Drain-Token` and in L10 lines. */
    readonly token: string;
    /**
     * App id → the syslog HOSTNAME its lines carry: an app drain names its token (as Heroku's
     * syslog drains do), a space drain the app's name (one drain carries many apps).
     */
    readonly apps: Readonly<Record<string, string>>;
}
export type DrainFeed = readonly DrainTarget[];
export interface DrainLine extends LogLineParts {
    readonly appId: string;
}
/** Lines a drain dropped because its buffer was full (Heroku's L10). */
export interface DrainDropReport {
    readonly drainId: string;
    readonly token: string;
    readonly appId: string;
    readonly count: number;
    /** ISO time of the first drop this report covers. */
    readonly since: string;
}
