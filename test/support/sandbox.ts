/**
 * Runs the calling test file inside its own `unshare --net --mount` sandbox (design §7).
 *
 * Call `enterSandbox(import.meta.url)` at the top of a test file, before any test is declared.
 * Outside a sandbox it re-executes the file under unshare with private tmpfs mounts on
 * /run/netns, /etc/netns and /run, inheriting stdout so the test runner counts the inner
 * tests, and exits with the inner status. Inside the sandbox it returns. Without root it
 * returns false and the caller skips its tests with a reason.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MARK = 'COVE_TEST_SANDBOX';

export function canSandbox(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0;
}

export function enterSandbox(fileUrl: string): boolean {
  if (process.env[MARK] === '1') return true;
  if (!canSandbox()) return false;
  const file = fileURLToPath(fileUrl);
  const script = [
    'set -e',
    'mount --make-rprivate /',
    'mkdir -p /run/netns /etc/netns',
    'mount -t tmpfs cove-run /run',
    'mkdir -p /run/netns',
    'mount -t tmpfs cove-etc-netns /etc/netns',
    'ip link set lo up',
    'exec "$@"',
  ].join('\n');
  const result = spawnSync(
    'unshare',
    ['--net', '--mount', '--propagation', 'private', 'sh', '-c', script, 'sandbox', process.execPath, ...process.execArgv, file],
    { stdio: 'inherit', env: { ...process.env, [MARK]: '1' } },
  );
  reapCgroups(result.pid);
  process.exit(result.status ?? 1);
}

/**
 * Dynos outlive their server by design (restart safety), so a test file that dies before its
 * `after()` cleanup would leave dyno processes running in namespaces nobody can reach. Every
 * test names its cgroup parent `cove-…-<its pid>`: once the sandbox has exited, kill whatever
 * is still in those cgroups and remove them.
 */
function reapCgroups(pid: number): void {
  const suffix = `-${pid}`;
  for (const hierarchy of ['memory', 'pids', 'cpu', 'cpuacct', 'unified']) {
    const root = `/sys/fs/cgroup/${hierarchy}`;
    let entries: string[];
    try {
      entries = readdirSync(root).filter((name) => name.startsWith('cove-') && name.endsWith(suffix));
    } catch {
      continue;
    }
    for (const name of entries) removeCgroup(join(root, name));
  }
}

function removeCgroup(dir: string): void {
  let children: string[] = [];
  try {
    children = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return;
  }
  for (const child of children) removeCgroup(join(dir, child));
  for (let attempt = 0; attempt < 50; attempt++) {
    let procs: string[] = [];
    try {
      procs = readFileSync(join(dir, 'cgroup.procs'), 'utf8').split('\n').filter((l) => l !== '');
    } catch {
      return;
    }
    if (procs.length === 0) break;
    for (const p of procs) {
      try {
        process.kill(Number(p), 'SIGKILL');
      } catch {
        // already gone
      }
    }
    spawnSync('sleep', ['0.05']);
  }
  try {
    rmdirSync(dir);
  } catch {
    // still busy: left for the next run's orphan sweep
  }
}
