/**
 * Makes every Node child process this test process starts from now on (the platform's drain
 * forwarder, CLIs) load loopback-guard.ts: a drain a test points anywhere but loopback is
 * refused and reported instead of connecting.
 */
const GUARD = new URL('./loopback-guard.js', import.meta.url).href;

export function guardChildProcesses(): void {
  const current = process.env['NODE_OPTIONS'] ?? '';
  if (!current.includes(GUARD)) process.env['NODE_OPTIONS'] = `${current} --import ${GUARD}`.trim();
}
