/**
 * Heroku's log line format, `<RFC 3339 time> <source>[<dyno>]: <message>`, e.g.
 * `2024-01-01T00:00:00.000000+00:00 app[web.1]: hi`. The SSE log stream and the drains both
 * render lines through here so every consumer sees the same text.
 */
/** `2024-01-01T00:00:00.123Z` → `2024-01-01T00:00:00.123000+00:00` (Heroku's microseconds). */
export function formatLogTime(iso) {
    const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?Z$/.exec(iso);
    if (m === null)
        return iso;
    return `${m[1] ?? ''}.${(m[2] ?? '').padEnd(6, '0')}+00:00`;
}
export function formatLogLine(line) {
    return `${formatLogTime(line.time)} ${line.source}[${line.dyno}]: ${line.message}`;
}
/** Heroku splits dyno lines longer than this many bytes into chunks, each its own line. */
export const MAX_LOG_MESSAGE_BYTES = 10_000;
/** Splits a message into chunks of at most `maxBytes` UTF-8 bytes, never inside a character. */
export function splitLogMessage(message, maxBytes = MAX_LOG_MESSAGE_BYTES) {
    // Every line the router logs takes this way: no character is more than 3 bytes per UTF-16 unit.
    if (message.length * 3 <= maxBytes || Buffer.byteLength(message, 'utf8') <= maxBytes)
        return [message];
    const bytes = Buffer.from(message, 'utf8');
    const chunks = [];
    let start = 0;
    while (start < bytes.length) {
        let end = Math.min(start + maxBytes, bytes.length);
        // Back off continuation bytes (10xxxxxx) so a character is never cut in two.
        while (end < bytes.length && end > start && ((bytes[end] ?? 0) & 0xc0) === 0x80)
            end--;
        if (end === start)
            end = Math.min(start + maxBytes, bytes.length);
        chunks.push(bytes.subarray(start, end).toString('utf8'));
        start = end;
    }
    return chunks;
}
//# sourceMappingURL=log-line-format.js.map