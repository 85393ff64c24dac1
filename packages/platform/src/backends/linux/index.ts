/**
 * The linux backend (`--runtime linux`, root): spaces are network namespaces, dynos sandboxed
 * processes (./linux-runtime.ts); its data plane is HAProxy (./router-plane.ts) and the space
 * DNS child (./dns-plane.ts), both reaching into the namespaces it built; builds run in
 * unshared namespaces as the build user (./build-runner.ts).
 */
import { join } from 'node:path';
import type { LinuxConfig } from '../../shared/config.js';
import type { Logger } from '../../shared/log.js';
import type { Backend, BackendHooks } from '../backend.js';
import { stopLeftoverDns } from '../../dataplane/dns/dns-process.js';
import { LinuxBuildRunner } from './build-runner.js';
import { LinuxDnsPlane } from './dns-plane.js';
import { LinuxRuntime } from './linux-runtime.js';
import { LinuxRouterPlane, ROUTER_CGROUP } from './router-plane.js';

export { LinuxBuildRunner } from './build-runner.js';
export { LinuxRuntime } from './linux-runtime.js';
export { routerLineSink } from './router-plane.js';

export function createLinuxBackend(config: LinuxConfig, hooks: BackendHooks, log: Logger): Backend {
  const runtime = new LinuxRuntime({
    dataDir: config.dataDir,
    // HAProxy outlives the server: its cgroup is no orphan to the next start.
    keepCgroups: [ROUTER_CGROUP],
    publicInterface: config.publicInterface,
    outboundIps: config.outboundIps,
    hooks,
    protectedPorts: [config.api.port],
    routerPorts: [config.http.port, config.https.port],
    cgroupParent: config.cgroupParent,
    // The API serves the same files at the slug URLs; read here, they need no HTTP round trip.
    localBlobDir: join(config.dataDir, 'blobs'),
  });
  const router = new LinuxRouterPlane({
    dir: join(config.dataDir, 'router'),
    tlsDir: join(config.dataDir, 'tls'),
    domain: config.domain,
    http: config.http,
    https: config.https,
    firstByteTimeoutMs: config.routerTimeoutMs,
    threads: config.routerThreads,
    metrics: config.metrics,
    cgroupParent: config.cgroupParent,
    networkOf: (spaceId) => runtime.spaceNetwork(spaceId),
    appLog: (line) => hooks.log?.(line),
    log,
  });
  const dns = new LinuxDnsPlane({
    networkOf: (spaceId) => runtime.spaceNetwork(spaceId),
    dnsPlacement: (spaceId) => runtime.dnsPlacement(spaceId),
    dir: join(config.dataDir, 'dns'),
    log,
  });
  return {
    kind: 'linux',
    runtime,
    dataPlane: { router, dns },
    buildRunner: new LinuxBuildRunner(),
    runsDynos: true,
    async start() {
      await runtime.start();
      // DNS first: the router's start takes longest (HAProxy), and dynos resolve before they route.
      await dns.start();
      await router.start();
    },
    async close(options = {}) {
      const keepRunning = options.keepDataPlane === true;
      await router.close({ keepRunning }).catch((error: unknown) => log.error('Could not close the router', error));
      // A server stop leaves the DNS child answering for the next server to adopt.
      await dns.close({ keepRunning }).catch((error: unknown) => log.error('Could not close the DNS process', error));
      await runtime.close();
    },
    async stopDataPlane() {
      await router.stopDataPlane();
      await stopLeftoverDns(join(config.dataDir, 'dns'));
    },
    async cleanup() {
      await router.stopDataPlane().catch((error: unknown) => log.error('Could not stop the router', error));
      await stopLeftoverDns(join(config.dataDir, 'dns'));
      await runtime.cleanup();
    },
  };
}
