export interface ExecResult {
    readonly stdout: string;
    readonly stderr: string;
    readonly exitCode: number;
}
/** The PATH every tool runs with; the server's own environment never leaks into it. */
export declare const SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
/**
 * Runs `file args…` and resolves with its output. Rejects with EXEC_FAILED on a non-zero exit
 * unless `allowFailure` is set, in which case the exit code is returned.
 */
export declare function exec(file: string, args: readonly string[], options?: {
    input?: string;
    allowFailure?: boolean;
    timeoutMs?: number;
}): Promise<ExecResult>;
/** Quotes one word for a POSIX shell. */
export declare function shellQuote(word: string): string;
