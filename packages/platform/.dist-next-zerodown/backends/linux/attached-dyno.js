/**
 * Attached one-off dynos (`heroku run`): the same sandbox chain as every dyno (dyno-sandbox.ts:
 * netns, cgroup, pid and mount namespaces, chroot, unprivileged uid), but its stdin and output
 * are pipes to the server instead of /dev/null and output.log, so a rendezvous session can
 * drive it. It does not outlive the server: when the pipes close the command sees EOF/EPIPE.
 *
 * With a tty the command runs under util-linux `script` inside the sandbox, on a pseudo-terminal
 * of the dyno's own devpts instance. Keystrokes travel through the pipes as bytes and the
 * dyno's line discipline turns Ctrl-C into SIGINT for the dyno's foreground process group only;
 * none of the wrappers outside the sandbox ever has a controlling terminal, so nothing but the
 * command can be signalled by it. A resize sets the size on that terminal from the host
 * (`stty -F /proc/<pid>/root/dev/pts/0`), which sends SIGWINCH to the foreground job. This needs
 * no native module (node-pty would put the terminal in the server, in the host's devpts, and
 * every wrapper of the chain in its session).
 */
import { execFile, spawn } from 'node:child_process';
import { readlink } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { prepareDynoLaunch } from './dyno-sandbox.js';
import { SYSTEM_PATH } from './exec.js';
const run = promisify(execFile);
/**
 * As SUPERVISE_SCRIPT (same arguments, pid and exit files), but the dyno's stdin and output are
 * the script's own (the server's pipes), and the script exits with the dyno's status. Installed
 * as `bin/attached/supervise.sh`: the runtime recognises supervisors by that file name.
 */
export const ATTACHED_SUPERVISE_SCRIPT = `#!/bin/sh
# Cove attached dyno supervisor. Args: <dyno dir> <launch> <n> <cgroup.procs…> <command…>
dir=$1; launch=$2; shift 2
echo $$ > "$dir/supervisor-$launch.pid"
exec 3<&0
sh -c 'n=$1; shift; while [ "$n" -gt 0 ]; do echo $$ > "$1" || exit 125; shift; n=$((n - 1)); done; exec "$@"' join "$@" <&3 3<&- 2>&1 &
child=$!
exec 3<&-
echo "$child" > "$dir/child-$launch.pid"
wait "$child"
status=$?
echo "$status" > "$dir/exit-$launch.tmp" && mv "$dir/exit-$launch.tmp" "$dir/exit-$launch"
exit "$status"
`;
const TERMINAL_EOF = Buffer.from([0x04]);
function shellQuote(text) {
    return `'${text.replaceAll("'", `'\\''`)}'`;
}
/** The command as the dyno's shell runs it: on a tty of its own when asked for one. */
export function attachedCommand(command, attach) {
    if (!attach.tty)
        return command;
    const size = attach.columns !== null && attach.lines !== null ? `stty cols ${attach.columns} rows ${attach.lines} 2>/dev/null; ` : '';
    // The sandbox chain starts the command as a background job, which ignores SIGINT and SIGQUIT;
    // a terminal's Ctrl-C and Ctrl-\ must reach it. `script -e` exits with the command's status;
    // SHELL picks what `script -c` runs it with.
    return `exec env --default-signal=INT,QUIT SHELL=/bin/bash script -q -e -f -c ${shellQuote(`${size}${command}`)} /dev/null`;
}
export class AttachedDyno {
    output = new PassThrough();
    exited;
    #child;
    #tty;
    #pids;
    constructor(child, tty, pids) {
        this.#child = child;
        this.#tty = tty;
        this.#pids = pids;
        child.stdout?.pipe(this.output);
        child.stdin?.on('error', () => undefined);
        this.exited = new Promise((resolve) => {
            child.once('close', (code, signal) => resolve(code ?? (signal === null ? 1 : 128 + signalNumber(signal))));
        });
    }
    write(data) {
        const stdin = this.#child.stdin;
        if (stdin !== null && stdin.writable)
            stdin.write(data);
    }
    endInput() {
        if (this.#tty)
            this.write(TERMINAL_EOF);
        else
            this.#child.stdin?.end();
    }
    async resize(columns, lines) {
        if (!this.#tty || !(columns > 0 && lines > 0))
            return;
        // Any process of the dyno inside its root sees the dyno's devpts; `script` opened pts/0 first.
        for (const pid of await this.#pids()) {
            if ((await readlink(`/proc/${pid}/root`).catch(() => '/')) === '/')
                continue;
            const tty = `/proc/${pid}/root/dev/pts/0`;
            const done = await run('stty', ['-F', tty, 'cols', String(Math.floor(columns)), 'rows', String(Math.floor(lines))], {
                env: { PATH: SYSTEM_PATH, LC_ALL: 'C' },
            }).then(() => true, () => false);
            if (done)
                return;
        }
    }
    /** Ends the stream's pipes (the dyno sees EOF). */
    close() {
        this.#child.stdin?.destroy();
        this.#child.stdout?.destroy();
    }
}
function signalNumber(signal) {
    const table = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGPIPE: 13, SIGTERM: 15 };
    return table[signal] ?? 0;
}
/** Starts the attached dyno's supervisor with pipes to this process. */
export async function launchAttachedDyno(l, attach, pids) {
    const args = await prepareDynoLaunch({ ...l, command: attachedCommand(l.command, attach) }, `${l.binDir}/attached/supervise.sh`);
    // Its own session: the server's terminal signals (Ctrl-C on `cove server`) never reach it.
    const child = spawn('/bin/sh', args, {
        detached: true,
        stdio: ['pipe', 'pipe', 'ignore'],
        env: { PATH: SYSTEM_PATH, LC_ALL: 'C' },
        cwd: l.dir,
    });
    child.on('error', () => undefined);
    child.unref();
    if (child.pid === undefined)
        throw new Error('Cannot start the attached dyno supervisor');
    return new AttachedDyno(child, attach.tty, pids);
}
//# sourceMappingURL=attached-dyno.js.map