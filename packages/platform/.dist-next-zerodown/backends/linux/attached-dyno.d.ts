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
import { type ChildProcess } from 'node:child_process';
import { PassThrough } from 'node:stream';
import type { DynoAttachment, DynoAttachSpec } from '../runtime.js';
import { type DynoLaunch } from './dyno-sandbox.js';
/**
 * As SUPERVISE_SCRIPT (same arguments, pid and exit files), but the dyno's stdin and output are
 * the script's own (the server's pipes), and the script exits with the dyno's status. Installed
 * as `bin/attached/supervise.sh`: the runtime recognises supervisors by that file name.
 */
export declare const ATTACHED_SUPERVISE_SCRIPT = "#!/bin/sh\n# Cove attached dyno supervisor. Args: <dyno dir> <launch> <n> <cgroup.procs\u2026> <command\u2026>\ndir=$1; launch=$2; shift 2\necho $$ > \"$dir/supervisor-$launch.pid\"\nexec 3<&0\nsh -c 'n=$1; shift; while [ \"$n\" -gt 0 ]; do echo $$ > \"$1\" || exit 125; shift; n=$((n - 1)); done; exec \"$@\"' join \"$@\" <&3 3<&- 2>&1 &\nchild=$!\nexec 3<&-\necho \"$child\" > \"$dir/child-$launch.pid\"\nwait \"$child\"\nstatus=$?\necho \"$status\" > \"$dir/exit-$launch.tmp\" && mv \"$dir/exit-$launch.tmp\" \"$dir/exit-$launch\"\nexit \"$status\"\n";
/** The command as the dyno's shell runs it: on a tty of its own when asked for one. */
export declare function attachedCommand(command: string, attach: DynoAttachSpec): string;
export declare class AttachedDyno implements DynoAttachment {
    #private;
    readonly output: PassThrough;
    readonly exited: Promise<number>;
    constructor(child: ChildProcess, tty: boolean, pids: () => Promise<number[]>);
    write(data: Buffer): void;
    endInput(): void;
    resize(columns: number, lines: number): Promise<void>;
    /** Ends the stream's pipes (the dyno sees EOF). */
    close(): void;
}
/** Starts the attached dyno's supervisor with pipes to this process. */
export declare function launchAttachedDyno(l: DynoLaunch, attach: DynoAttachSpec, pids: () => Promise<number[]>): Promise<AttachedDyno>;
