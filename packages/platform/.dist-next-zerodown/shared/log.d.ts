/**
 * The server's own log (not app logs): one line per event, `at=<level> msg="…"` in Heroku's
 * key=value style, written to a stream the entry point chooses. Library code receives a Logger.
 */
import type { Writable } from 'node:stream';
export interface Logger {
    info(message: string, fields?: Record<string, unknown>): void;
    error(message: string, error?: unknown): void;
}
export declare function createLogger(stream: Writable): Logger;
/** A logger that drops everything (tests). */
export declare const silentLogger: Logger;
