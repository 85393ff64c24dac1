import { formatLogLine } from '../../shared/log-line-format.js';
import { LOG_LINES_PER_APP } from '../store/store.js';
import { matchesLogFilter } from './log-filter.js';
/** `id:` and `data:` lines of one event (a message with newlines becomes several `data:` lines). */
export function sseEvent(line) {
    const data = formatLogLine(line)
        .split(/\r\n|\r|\n/)
        .map((part) => `data: ${part}\n`)
        .join('');
    return `id: ${line.seq}\n${data}\n`;
}
/** The lines a stream starts with: after `lastEventId` when resuming, else the last `session.lines`. */
function history(store, session, lastEventId) {
    const all = store.recentLogs(session.appId, LOG_LINES_PER_APP + 100).filter((line) => matchesLogFilter(line, session));
    if (lastEventId !== null)
        return all.filter((line) => line.seq > lastEventId);
    return session.lines <= 0 ? [] : all.slice(-session.lines);
}
/** Writes the stream to `res` (headers included); returns when it is set up, not when it ends. */
export function serveLogStream(store, res, session, lastEventId, options = {}) {
    res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        'X-Accel-Buffering': 'no',
        ...(session.tail ? { Connection: 'keep-alive' } : {}),
    });
    const backlog = history(store, session, lastEventId);
    res.write(backlog.map(sseEvent).join(''));
    if (!session.tail) {
        res.end();
        return;
    }
    res.flushHeaders();
    // Reading the history and subscribing happen in the same tick: appends are synchronous, so
    // no line can fall between the two.
    let lastSeq = backlog.at(-1)?.seq ?? lastEventId ?? 0;
    const maxQueued = options.maxQueuedBytes ?? 1024 * 1024;
    const unsubscribe = store.onLog((line) => {
        if (line.appId !== session.appId || line.seq <= lastSeq || !matchesLogFilter(line, session))
            return;
        lastSeq = line.seq;
        res.write(sseEvent(line));
        if (res.writableLength > maxQueued)
            res.destroy();
    });
    const heartbeat = setInterval(() => {
        // A destroyed app's tail ends (its reconnect then gets 404).
        if (store.apps.byId(session.appId) === undefined)
            res.end();
        else
            res.write(':\n\n');
    }, options.heartbeatMs ?? 25_000);
    const expiry = setTimeout(() => res.end(), Math.max(0, session.expiresAt - Date.now()));
    res.once('close', () => {
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(expiry);
    });
}
//# sourceMappingURL=log-stream.js.map