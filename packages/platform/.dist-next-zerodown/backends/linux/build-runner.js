/**
 * The linux backend's build runner: each build step (unpacking the source, a buildpack's
 * detect/compile/release) runs outside every space, as the unprivileged build user, in its own
 * network namespace with no interfaces but a down-then-up loopback (builds are offline), its
 * own pid namespace (nothing outlives the step) and mount namespace with a private /tmp. The
 * directories the step needs are bind-mounted at fixed paths under /tmp, as on Heroku
 * (`/tmp/build_…`, `/tmp/cache`), so the data directory (mode 0700) stays closed to the build
 * user. Needs root.
 */
import { mkdir } from 'node:fs/promises';
import { SANDBOX_PATH } from '../build-runner.js';
import { spawnStep } from '../host-build-runner.js';
/** Runs as root inside the new namespaces: builds /tmp, then drops to the build user. */
const SANDBOX_SCRIPT = `set -e
uid=$1; gid=$2; stage=$3; n=$4; shift 4
mount -t proc -o nosuid,nodev,noexec cove-build-proc /proc 2>/dev/null || true
ip link set lo up 2>/dev/null || true
mount -t tmpfs -o mode=1777,nosuid,nodev,size=4g cove-build-tmp "$stage"
mkdir -m 0755 "$stage/home" && chown "$uid:$gid" "$stage/home"
while [ "$n" -gt 0 ]; do
  host=$1; at=$2; ro=$3; shift 3; n=$((n - 1))
  target="$stage/\${at#/tmp/}"
  if [ -d "$host" ]; then mkdir -p "$target"; else mkdir -p "\$(dirname "$target")"; : > "$target"; fi
  mount --bind "$host" "$target"
  if [ "$ro" = ro ]; then mount -o remount,bind,ro "$target"; fi
done
mount --move "$stage" /tmp
cwd=$1; shift
cd "$cwd"
exec setpriv --reuid="$uid" --regid="$gid" --clear-groups --inh-caps=-all --bounding-set=-all --no-new-privs env -i "$@"
`;
export class LinuxBuildRunner {
    #uid;
    #gid;
    constructor(options = {}) {
        this.#uid = options.uid ?? 64610;
        this.#gid = options.gid ?? options.uid ?? 64610;
    }
    sandbox(stageDir) {
        const uid = this.#uid;
        const gid = this.#gid;
        return { uid, gid, run: (step) => runIsolated(step, uid, gid, stageDir) };
    }
}
async function runIsolated(step, uid, gid, stageDir) {
    const env = { PATH: SANDBOX_PATH, HOME: '/tmp/home', LANG: 'C.UTF-8', ...step.env };
    await mkdir(stageDir, { recursive: true, mode: 0o700 });
    // prettier-ignore
    const args = [
        '--net', '--pid', '--fork', '--kill-child', '--mount', '--propagation', 'private',
        '/bin/sh', '-c', SANDBOX_SCRIPT, 'cove-build', String(uid), String(gid), stageDir, String(step.mounts.length),
        ...step.mounts.flatMap((m) => [m.host, m.at, m.readOnly === true ? 'ro' : 'rw']),
        step.cwd,
        ...Object.entries(env).map(([k, v]) => `${k}=${v}`),
        ...step.argv,
    ];
    return spawnStep('unshare', args, '/', { PATH: SANDBOX_PATH, LC_ALL: 'C' }, step);
}
//# sourceMappingURL=build-runner.js.map