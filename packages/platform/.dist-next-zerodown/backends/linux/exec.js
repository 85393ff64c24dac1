/**
 * Runs the host tools the linux backend drives (ip, nft, sysctl…) and turns failures into
 * `RuntimeError('EXEC_FAILED')` carrying argv, exit code and the tail of stderr.
 */
import { execFile } from 'node:child_process';
import { RuntimeError } from '../../shared/errors.js';
/** The PATH every tool runs with; the server's own environment never leaks into it. */
export const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/**
 * Runs `file args…` and resolves with its output. Rejects with EXEC_FAILED on a non-zero exit
 * unless `allowFailure` is set, in which case the exit code is returned.
 */
export function exec(file, args, options = {}) {
    return new Promise((resolve, reject) => {
        const child = execFile(file, args, {
            env: { PATH: SYSTEM_PATH, LC_ALL: 'C' },
            maxBuffer: 64 * 1024 * 1024,
            timeout: options.timeoutMs ?? 60_000,
            encoding: 'utf8',
        }, (error, stdout, stderr) => {
            const exitCode = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
            if (error !== null && !(options.allowFailure === true && exitCode !== -1)) {
                const argv = [file, ...args];
                reject(new RuntimeError('EXEC_FAILED', `Cannot run "${argv.join(' ')}": ${stderr.trim().slice(-500) || error.message}`, {
                    argv,
                    exitCode,
                    stderr: stderr.slice(-2000),
                    cause: error,
                }));
                return;
            }
            resolve({ stdout, stderr, exitCode });
        });
        if (options.input !== undefined)
            child.stdin?.end(options.input);
        else
            child.stdin?.end();
    });
}
/** Quotes one word for a POSIX shell. */
export function shellQuote(word) {
    return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
//# sourceMappingURL=exec.js.map