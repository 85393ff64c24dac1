/**
 * Benchmarks that build networks run inside their own `unshare --net --mount` sandbox, like the
 * tests (design §7): nothing they create can reach or change the host's network.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MARK = 'COVE_BENCH_SANDBOX';

/**
 * Re-executes the calling benchmark file inside a private network and mount namespace (private
 * /run, /run/netns and /etc/netns) and exits with its status; returns once inside. Needs root.
 */
export function enterBenchSandbox(fileUrl: string, name: string): void {
  if (process.env[MARK] === '1') return;
  if (process.getuid?.() !== 0) {
    console.error(`bench/${name}: needs root (network namespaces, cgroups)`);
    process.exit(1);
  }
  const script = 'set -e; mount --make-rprivate /; mount -t tmpfs r /run; mkdir -p /run/netns /etc/netns; mount -t tmpfs e /etc/netns; ip link set lo up; exec "$@"';
  const r = spawnSync('unshare', ['--net', '--mount', '--propagation', 'private', 'sh', '-c', script, 'bench', process.execPath, fileURLToPath(fileUrl), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, [MARK]: '1' },
  });
  process.exit(r.status ?? 1);
}
