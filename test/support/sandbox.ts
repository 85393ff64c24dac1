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
  process.exit(result.status ?? 1);
}
