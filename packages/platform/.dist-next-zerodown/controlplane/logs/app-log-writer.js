import { splitLogMessage } from '../../shared/log-line-format.js';
export function appLogWriter(store, log) {
    // The router logs thousands of lines a second: lines of the same millisecond share one stamp.
    let stampedAt = 0;
    let stamp = '';
    return (line) => {
        try {
            const now = Date.now();
            if (now !== stampedAt) {
                stampedAt = now;
                stamp = new Date(now).toISOString();
            }
            const time = stamp;
            for (const message of splitLogMessage(line.message))
                store.appendLog({ appId: line.appId, time, source: line.source, dyno: line.dyno, message });
        }
        catch (error) {
            log.error('Could not store a log line', error);
        }
    };
}
//# sourceMappingURL=app-log-writer.js.map