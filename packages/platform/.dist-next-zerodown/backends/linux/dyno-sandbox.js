/**
 * A dyno's sandbox (design §3): its netns on its zone's bridge, and the process chain that runs
 * its command in its own cgroup, pid and mount namespaces, chrooted into a root built from the
 * host's read-only /usr, /etc…, the slug as the lower layer of an overlay on /app, a private
 * /tmp, and an unprivileged uid with no capabilities.
 *
 * The chain, started detached so the dyno outlives the server (SIGKILL included):
 *
 *   sh supervise.sh             own session, outside the cgroup; output → output.log; records exit
 *   └ sh -c join              writes its pid to the cgroup, then execs
 *     └ ip netns exec cvd-…   enters the dyno netns (and bind-mounts /etc/netns/cvd-…/resolv.conf)
 *       └ unshare --pid --fork --mount --kill-child
 *         └ sh dyno-init.sh   pid 1, root: builds the root, chroot, setpriv, env -i
 *           └ sh -c init     pid 1, unprivileged: forwards SIGTERM, reaps, exits with the status
 *             └ bash -c "<command>"
 */
import { spawn } from 'node:child_process';
import { chown, mkdir, rm, writeFile } from 'node:fs/promises';
import { SYSTEM_PATH } from './exec.js';
import { addNetns, deleteNetns, ipBatch } from './netns.js';
import { dynoLink, dynoNetns, spaceNetns, zoneBridge } from './kernel-names.js';
/** Runs outside the dyno's cgroup; survives the server; writes `exit-<launch>` when the dyno ends. */
export const SUPERVISE_SCRIPT = `#!/bin/sh
# Cove dyno supervisor. Args: <dyno dir> <launch> <n> <cgroup.procs…> <command…>
dir=$1; launch=$2; shift 2
echo $$ > "$dir/supervisor-$launch.pid"
sh -c 'n=$1; shift; while [ "$n" -gt 0 ]; do echo $$ > "$1" || exit 125; shift; n=$((n - 1)); done; exec "$@"' join "$@" </dev/null >>"$dir/output.log" 2>&1 &
child=$!
echo "$child" > "$dir/child-$launch.pid"
wait "$child"
status=$?
echo "$status" > "$dir/exit-$launch.tmp" && mv "$dir/exit-$launch.tmp" "$dir/exit-$launch"
`;
/** The unprivileged pid 1 of the dyno: runs the command, forwards SIGTERM, exits with its status. */
const DYNO_INIT = `trap 'kill -TERM "$c" 2>/dev/null' TERM INT HUP
cd /app || exit 126
if [ -x /bin/bash ]; then s=/bin/bash; else s=/bin/sh; fi
# A background job's stdin would be /dev/null; an attached dyno's command reads the session.
exec 3<&0
"$s" -c 'for f in /app/.profile.d/*.sh; do [ -f "$f" ] && . "$f"; done; exec "$0" -c "$1"' "$s" "$1" <&3 3<&- &
c=$!
while :; do wait "$c"; r=$?; kill -0 "$c" 2>/dev/null || break; done
exit "$r"`;
/** Runs as root, pid 1 of the dyno's pid namespace, inside its own mount namespace. */
export const DYNO_INIT_SCRIPT = `#!/bin/sh
# Cove dyno init. Args: <root> <slug app dir> <upper> <work> <uid> <gid> <tmp size> <command> [NAME=value…]
set -e
r=$1; lower=$2; upper=$3; work=$4; uid=$5; gid=$6; tmpsize=$7; cmd=$8
shift 8
mount -t tmpfs -o mode=0755,size=1m cove-root "$r"
for d in bin sbin lib lib32 lib64 libx32 usr etc opt; do
  if [ -L "/$d" ]; then ln -s "$(readlink "/$d")" "$r/$d"
  elif [ -d "/$d" ]; then mkdir "$r/$d"; mount --rbind "/$d" "$r/$d"; mount -o remount,bind,ro,nosuid,nodev "$r/$d"; fi
done
mkdir "$r/app" "$r/tmp" "$r/proc" "$r/dev"
mount -t overlay cove-app -o "lowerdir=$lower,upperdir=$upper,workdir=$work" "$r/app"
mount -t tmpfs -o "mode=1777,nosuid,nodev,size=$tmpsize" cove-tmp "$r/tmp"
mount -t proc -o nosuid,nodev,noexec cove-proc "$r/proc"
mount -t tmpfs -o mode=0755,nosuid,size=64k cove-dev "$r/dev"
for n in null zero full random urandom; do : > "$r/dev/$n"; mount --bind "/dev/$n" "$r/dev/$n"; done
ln -s /proc/self/fd "$r/dev/fd"
ln -s /proc/self/fd/0 "$r/dev/stdin"; ln -s /proc/self/fd/1 "$r/dev/stdout"; ln -s /proc/self/fd/2 "$r/dev/stderr"
mkdir "$r/dev/shm" "$r/dev/pts"
# The dyno's own pseudo-terminals (an attached one-off's tty), invisible to the host's.
mount -t devpts -o newinstance,ptmxmode=0666,mode=0620,nosuid,noexec cove-pts "$r/dev/pts"
ln -s pts/ptmx "$r/dev/ptmx"
mount -t tmpfs -o "mode=1777,nosuid,nodev,size=$tmpsize" cove-shm "$r/dev/shm"
mount -o remount,bind,ro "$r"
exec chroot "$r" setpriv --reuid="$uid" --regid="$gid" --clear-groups --inh-caps=-all --bounding-set=-all --no-new-privs \\
  env -i "$@" /bin/sh -c ${shellSingle(DYNO_INIT)} cove-init "$cmd"
`;
function shellSingle(text) {
    return `'${text.replaceAll("'", `'\\''`)}'`;
}
/** Creates (or recreates) the dyno's netns, veth on its zone bridge, address, route, resolv.conf. */
export async function createDynoNetwork(spec) {
    const ns = dynoNetns(spec.shortId);
    const router = spaceNetns(spec.spaceShortId);
    const link = dynoLink(spec.shortId);
    await deleteNetns(ns);
    await ipBatch(router, [`link del ${link}`]).catch(() => undefined);
    await addNetns(ns);
    await ipBatch(router, [
        `link add ${link} type veth peer name eth0 netns ${ns}`,
        `link set ${link} master ${zoneBridge(spec.zone)}`,
        ...(spec.isolated ? [`link set ${link} type bridge_slave isolated on`] : []),
        `link set ${link} up`,
    ]);
    await ipBatch(ns, [
        'link set lo up',
        `addr add ${spec.privateIp}/${spec.prefixLength} dev eth0`,
        'link set eth0 up',
        `route add default via ${spec.gateway} dev eth0`,
    ]);
    // The address may have belonged to a dyno stopped moments ago: a neighbour entry for its MAC
    // left in the space router would black-hole the new dyno's traffic (the router's included)
    // for seconds, until the kernel re-resolves it.
    await ipBatch(router, [`neigh flush to ${spec.privateIp}`]).catch(() => undefined);
    await mkdir(`/etc/netns/${ns}`, { recursive: true });
    await writeFile(`/etc/netns/${ns}/resolv.conf`, `nameserver ${spec.dnsAddress}\noptions timeout:1 attempts:2\n`);
}
export async function removeDynoNetwork(shortId, spaceShortId) {
    const ns = dynoNetns(shortId);
    await deleteNetns(ns);
    if (spaceShortId !== null)
        await ipBatch(spaceNetns(spaceShortId), [`link del ${dynoLink(shortId)}`]).catch(() => undefined);
    await rm(`/etc/netns/${ns}`, { recursive: true, force: true });
}
/**
 * Prepares a fresh ephemeral layer and returns the supervisor's arguments (after `/bin/sh`):
 * `script` (SUPERVISE_SCRIPT's contract: args, pid and exit files) runs the sandbox chain.
 */
export async function prepareDynoLaunch(l, script) {
    const upper = `${l.dir}/upper`;
    const work = `${l.dir}/work`;
    await rm(upper, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
    await mkdir(upper, { mode: 0o755 });
    await mkdir(work, { mode: 0o700 });
    await chown(upper, l.uid, l.gid);
    await mkdir(`${l.dir}/root`, { recursive: true });
    const envArgs = Object.entries(l.env)
        .filter(([k]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(k))
        .map(([k, v]) => `${k}=${v}`);
    return [
        script,
        l.dir,
        String(l.launch),
        String(l.procsFiles.length),
        ...l.procsFiles,
        'ip', 'netns', 'exec', l.netns,
        'unshare', '--pid', '--fork', '--kill-child', '--mount', '--propagation', 'private',
        '/bin/sh', `${l.binDir}/dyno-init.sh`,
        `${l.dir}/root`, l.slugAppDir, upper, work, String(l.uid), String(l.gid), l.tmpSize, l.command,
        ...envArgs,
    ];
}
/**
 * Prepares a fresh ephemeral layer and starts the detached supervisor. Returns its pid; the
 * supervisor writes `child-<launch>.pid` and, when the dyno ends, `exit-<launch>`.
 */
export async function launchDyno(l) {
    const args = await prepareDynoLaunch(l, `${l.binDir}/supervise.sh`);
    const child = spawn('/bin/sh', args, {
        detached: true,
        stdio: 'ignore',
        env: { PATH: SYSTEM_PATH, LC_ALL: 'C' },
        cwd: l.dir,
    });
    const pid = child.pid;
    child.on('error', () => undefined);
    child.unref();
    if (pid === undefined)
        throw new Error('Cannot start the dyno supervisor');
    return pid;
}
//# sourceMappingURL=dyno-sandbox.js.map