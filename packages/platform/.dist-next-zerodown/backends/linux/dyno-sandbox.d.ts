/** Runs outside the dyno's cgroup; survives the server; writes `exit-<launch>` when the dyno ends. */
export declare const SUPERVISE_SCRIPT = "#!/bin/sh\n# Cove dyno supervisor. Args: <dyno dir> <launch> <n> <cgroup.procs\u2026> <command\u2026>\ndir=$1; launch=$2; shift 2\necho $$ > \"$dir/supervisor-$launch.pid\"\nsh -c 'n=$1; shift; while [ \"$n\" -gt 0 ]; do echo $$ > \"$1\" || exit 125; shift; n=$((n - 1)); done; exec \"$@\"' join \"$@\" </dev/null >>\"$dir/output.log\" 2>&1 &\nchild=$!\necho \"$child\" > \"$dir/child-$launch.pid\"\nwait \"$child\"\nstatus=$?\necho \"$status\" > \"$dir/exit-$launch.tmp\" && mv \"$dir/exit-$launch.tmp\" \"$dir/exit-$launch\"\n";
/** Runs as root, pid 1 of the dyno's pid namespace, inside its own mount namespace. */
export declare const DYNO_INIT_SCRIPT: string;
export interface DynoNetworkSpec {
    readonly shortId: string;
    readonly spaceShortId: string;
    readonly zone: string;
    readonly privateIp: string;
    readonly prefixLength: number;
    readonly gateway: string;
    readonly dnsAddress: string;
    /** Isolate the bridge port (the default network: dynos cannot reach each other). */
    readonly isolated: boolean;
}
/** Creates (or recreates) the dyno's netns, veth on its zone bridge, address, route, resolv.conf. */
export declare function createDynoNetwork(spec: DynoNetworkSpec): Promise<void>;
export declare function removeDynoNetwork(shortId: string, spaceShortId: string | null): Promise<void>;
export interface DynoLaunch {
    readonly dir: string;
    readonly launch: number;
    readonly netns: string;
    readonly procsFiles: readonly string[];
    readonly binDir: string;
    readonly slugAppDir: string;
    readonly uid: number;
    readonly gid: number;
    readonly tmpSize: string;
    readonly command: string;
    readonly env: Readonly<Record<string, string>>;
}
/**
 * Prepares a fresh ephemeral layer and returns the supervisor's arguments (after `/bin/sh`):
 * `script` (SUPERVISE_SCRIPT's contract: args, pid and exit files) runs the sandbox chain.
 */
export declare function prepareDynoLaunch(l: DynoLaunch, script: string): Promise<string[]>;
/**
 * Prepares a fresh ephemeral layer and starts the detached supervisor. Returns its pid; the
 * supervisor writes `child-<launch>.pid` and, when the dyno ends, `exit-<launch>`.
 */
export declare function launchDyno(l: DynoLaunch): Promise<number>;
