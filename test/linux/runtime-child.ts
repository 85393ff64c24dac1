/**
 * A LinuxRuntime in a process of its own, for the restart-safety test: applies a space, starts
 * the dynos given as JSON on argv, prints "ready" once they are up, then waits to be killed.
 */
import { LinuxRuntime, type DynoSpec, type SpaceSpec } from '@cove/platform';

const [optionsJson, spaceJson, dynosJson] = process.argv.slice(2);
const runtime = new LinuxRuntime(JSON.parse(optionsJson ?? '{}'));
await runtime.start();
await runtime.applySpace(JSON.parse(spaceJson ?? '{}') as SpaceSpec);
const dynos = JSON.parse(dynosJson ?? '[]') as DynoSpec[];
for (const d of dynos) await runtime.startDyno(d);
const deadline = Date.now() + 30_000;
while ((await runtime.listDynos()).filter((d) => d.state === 'up').length < dynos.length) {
  if (Date.now() > deadline) throw new Error('dynos did not come up');
  await new Promise((r) => setTimeout(r, 50));
}
console.log('ready');
setInterval(() => undefined, 1 << 30);
