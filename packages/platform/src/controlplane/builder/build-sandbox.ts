/**
 * Runs one build step (unpacking the source, a buildpack's detect/compile/release) outside
 * every space, as the unprivileged build user, in its own network namespace with no
 * interfaces but a down-then-up loopback (builds are offline), its own pid namespace (nothing
 * outlives the step) and mount namespace with a private /tmp. The directories the step needs
 * are bind-mounted at fixed paths under /tmp, as on Heroku (`/tmp/build_…`, `/tmp/cache`),
 * so the data directory (mode 0700) stays closed to the build user.
 *
 * Without root (a server started with --runtime none by a normal user) the step runs as the
 * server's user with the real paths and no namespaces.
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';

export const SANDBOX_PATH = '/usr/local/bin:/usr/bin:/bin';

/** A host directory the step sees at `at` (an absolute path under /tmp). */
export interface SandboxMount {
  readonly host: string;
  readonly at: string;
  readonly readOnly?: boolean;
}

export interface SandboxStep {
  readonly mounts: readonly SandboxMount[];
  /** The command, in terms of the mounted paths. */
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  /** Where the step's stdout and stderr go, as they come. */
  readonly output?: (text: string) => void;
  /** Kills the step after this long. @default 900000 (Heroku's 15 minutes) */
  readonly timeoutMs?: number;
}

export interface StepResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly timedOut: boolean;
}

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

export class BuildSandbox {
  readonly #uid: number;
  readonly #gid: number;
  readonly #isolated: boolean;
  readonly #stageDir: string;

  /**
   * @param stageDir an empty directory outside /tmp for staging the sandbox's /tmp
   * @param isolated run in namespaces as uid/gid (needs root)
   */
  constructor(options: { uid: number; gid: number; isolated: boolean; stageDir: string }) {
    this.#uid = options.uid;
    this.#gid = options.gid;
    this.#isolated = options.isolated;
    this.#stageDir = options.stageDir;
  }

  get uid(): number {
    return this.#isolated ? this.#uid : (process.getuid?.() ?? 0);
  }

  get gid(): number {
    return this.#isolated ? this.#gid : (process.getgid?.() ?? 0);
  }

  get isolated(): boolean {
    return this.#isolated;
  }

  async run(step: SandboxStep): Promise<StepResult> {
    const env = { PATH: SANDBOX_PATH, HOME: '/tmp/home', LANG: 'C.UTF-8', ...step.env };
    let file: string;
    let args: string[];
    if (this.#isolated) {
      await mkdir(this.#stageDir, { recursive: true, mode: 0o700 });
      file = 'unshare';
      args = [
        '--net', '--pid', '--fork', '--kill-child', '--mount', '--propagation', 'private',
        '/bin/sh', '-c', SANDBOX_SCRIPT, 'cove-build', String(this.#uid), String(this.#gid), this.#stageDir, String(step.mounts.length),
        ...step.mounts.flatMap((m) => [m.host, m.at, m.readOnly === true ? 'ro' : 'rw']),
        step.cwd,
        ...Object.entries(env).map(([k, v]) => `${k}=${v}`),
        ...step.argv,
      ];
    } else {
      const real = (path: string): string => {
        const m = [...step.mounts].sort((a, b) => b.at.length - a.at.length).find((x) => path === x.at || path.startsWith(`${x.at}/`));
        return m === undefined ? path : m.host + path.slice(m.at.length);
      };
      file = real(step.argv[0] ?? '');
      args = step.argv.slice(1).map(real);
      for (const key of Object.keys(env)) (env as Record<string, string>)[key] = real(env[key as keyof typeof env] ?? '');
      env.HOME = real(step.cwd);
      return spawnStep(file, args, real(step.cwd), env, step);
    }
    return spawnStep(file, args, '/', { PATH: SANDBOX_PATH, LC_ALL: 'C' }, step);
  }
}

function spawnStep(file: string, args: string[], cwd: string, env: Record<string, string>, step: SandboxStep): Promise<StepResult> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, step.timeoutMs ?? 900_000);
    child.stdout.on('data', (d: Buffer) => {
      const text = d.toString('utf8');
      if (stdout.length < 1024 * 1024) stdout += text;
      step.output?.(text);
    });
    child.stderr.on('data', (d: Buffer) => step.output?.(d.toString('utf8')));
    child.on('error', (error) => {
      step.output?.(`${error.message}\n`);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? 137, stdout, timedOut });
    });
  });
}
