/**
 * Procfiles (Heroku's format): one `<process type>: <command>` per line; blank lines and lines
 * starting with `#` are ignored. A line that is neither fails the build with its number, so a
 * typo never silently drops a process type.
 */
/** Heroku's process type names: letters, digits, dashes and underscores. */
export declare const PROCESS_TYPE_NAME: RegExp;
export declare class ProcfileError extends Error {
    readonly line: number;
    constructor(line: number, text: string);
}
/** The process types of a Procfile's text, in order; throws ProcfileError on a bad line. */
export declare function parseProcfile(text: string): Record<string, string>;
