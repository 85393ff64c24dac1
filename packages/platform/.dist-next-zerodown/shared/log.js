export function createLogger(stream) {
    const write = (level, message, fields = {}) => {
        const extra = Object.entries(fields)
            .map(([k, v]) => ` ${k}=${typeof v === 'string' && !/\s/.test(v) ? v : JSON.stringify(v)}`)
            .join('');
        stream.write(`${new Date().toISOString()} cove[server]: at=${level} msg=${JSON.stringify(message)}${extra}\n`);
    };
    return {
        info: (message, fields) => write('info', message, fields),
        error: (message, error) => {
            const detail = error instanceof Error ? (error.stack ?? error.message) : error === undefined ? undefined : String(error);
            write('error', message, detail === undefined ? {} : { error: detail });
        },
    };
}
/** A logger that drops everything (tests). */
export const silentLogger = { info: () => { }, error: () => { } };
//# sourceMappingURL=log.js.map