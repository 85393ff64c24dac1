/**
 * Heroku's log line format, `<RFC 3339 time> <source>[<dyno>]: <message>`, e.g.
 * `2024-01-01T00:00:00.000000+00:00 app[web.1]: hi`. The SSE log stream and the drains both
 * render lines through here so every consumer sees the same text.
 */
/** What a log line is made of, wherever it travels (store, SSE, drain process). */
export interface LogLineParts {
    /** An ISO 8601 time in UTC, as `Date.toISOString()` writes it. */
    readonly time: string;
    /** `app` (dyno output, API actions) or `heroku` (router, state changes, platform errors). */
    readonly source: string;
    /** `web.1`, `router`, `api`, … */
    readonly dyno: string;
    readonly message: string;
}
/** `2024-01-01T00:00:00.123Z` → `2024-01-01T00:00:00.123000+00:00` (Heroku's microseconds). */
export declare function formatLogTime(iso: string): string;
export declare function formatLogLine(line: LogLineParts): string;
/** Heroku splits dyno lines longer than this many bytes into chunks, each its own line. */
export declare const MAX_LOG_MESSAGE_BYTES = 10000;
/** Splits a message into chunks of at most `maxBytes` UTF-8 bytes, never inside a character. */
export declare function splitLogMessage(message: string, maxBytes?: number): string[];
