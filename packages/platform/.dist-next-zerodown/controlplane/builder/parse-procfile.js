/**
 * Procfiles (Heroku's format): one `<process type>: <command>` per line; blank lines and lines
 * starting with `#` are ignored. A line that is neither fails the build with its number, so a
 * typo never silently drops a process type.
 */
/** Heroku's process type names: letters, digits, dashes and underscores. */
export const PROCESS_TYPE_NAME = /^[A-Za-z0-9_-]{1,30}$/;
export class ProcfileError extends Error {
    line;
    constructor(line, text) {
        super(`Procfile line ${line} is invalid: "${text}". Each line must look like "web: node server.js" (a process type of letters, digits, dashes or underscores, a colon, then the command)`);
        this.name = 'ProcfileError';
        this.line = line;
    }
}
/** The process types of a Procfile's text, in order; throws ProcfileError on a bad line. */
export function parseProcfile(text) {
    const types = {};
    const lines = text.split(/\r?\n/);
    for (const [i, raw] of lines.entries()) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const match = /^([^:\s]+)\s*:\s*(.*)$/.exec(line);
        const type = match?.[1] ?? '';
        const command = match?.[2]?.trim() ?? '';
        if (match === null || !PROCESS_TYPE_NAME.test(type) || command === '')
            throw new ProcfileError(i + 1, raw);
        types[type] = command;
    }
    return types;
}
//# sourceMappingURL=parse-procfile.js.map