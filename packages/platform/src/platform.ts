/**
 * Assembles a running Cove from a frozen Config: the store, the first account, the local CA,
 * the backend (chosen by `--runtime`: its runtime, data plane and build runner), the
 * reconciler, the feed publisher and the API listener. `cove server` and the tests'
 * bootPlatform() both come through here. Nothing here knows which backend runs.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Backend, BackendHooks, DataPlaneCloseOptions } from './backends/backend.js';
import { createBackend } from './backends/create-backend.js';
import type { Runtime, RuntimeHooks } from './backends/runtime.js';
import { createApiListener, type ApiListener } from './controlplane/api/api-listener.js';
import type { ApiServer } from './controlplane/api/api-server.js';
import { buildApi } from './controlplane/api/build-api.js';
import { claimRendezvousSecret, forgetOneOffDyno } from './controlplane/domain/one-off-dynos.js';
import { RendezvousServer } from './dataplane/rendezvous/rendezvous-server.js';
import { bootstrapServerAdmin } from './controlplane/domain/accounts.js';
import { appLogWriter } from './controlplane/logs/app-log-writer.js';
import { LogDrainService } from './controlplane/logs/log-drain-service.js';
import { Builder } from './controlplane/builder/builder.js';
import { Reconciler } from './controlplane/reconciler/reconciler.js';
import { SqliteStore } from './controlplane/store/sqlite/sqlite-store.js';
import type { Store } from './controlplane/store/store.js';
import type { Config } from './shared/config.js';
import { FeedPublisher, ROUTER_DRAIN_TIMEOUT_MS } from './controlplane/feeds/feed-publisher.js';
import { issueCertificate } from './shared/local-ca.js';
import type { Logger } from './shared/log.js';

/** The dashboard's Vite build, beside this package in the monorepo (served at the API's `/`). */
const DASHBOARD_DIR = fileURLToPath(new URL('../../dashboard/dist/', import.meta.url));

export interface Platform {
  readonly config: Config;
  readonly store: Store;
  readonly backend: Backend;
  readonly runtime: Runtime;
  readonly reconciler: Reconciler;
  /** Feeds log drains; its forwarder process runs while any drain exists. */
  readonly drains: LogDrainService;
  readonly builder: Builder;
  readonly api: ApiServer;
  readonly listener: ApiListener;
  /** http://HOST:PORT of the API (the same port also speaks HTTPS). */
  readonly apiUrl: string;
  readonly caCertPath: string;
  /** The first account's API key when it was generated or given in this start; else null. */
  readonly adminToken: string | null;
  /**
   * Stops everything; with `keepDataPlane` (`cove server` on SIGTERM/SIGINT) the data plane
   * (router, space DNS, drain forwarder) keeps serving for the next start.
   */
  close(options?: DataPlaneCloseOptions): Promise<void>;
}

export interface PlatformOverrides {
  /**
   * Run the in-memory backend instead of the one the config names (tests), around this
   * runtime when given (the in-memory one otherwise).
   */
  readonly memory?: { readonly runtime?: (hooks: RuntimeHooks) => Runtime };
}

async function loadOrCreateSecret(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch {
    const secret = randomBytes(32);
    await writeFile(path, secret, { mode: 0o600 });
    return secret;
  }
}

/** The first account: created once, with COVE_ADMIN_TOKEN as its key or a generated one. */
function bootstrapAdmin(store: Store, config: Config): string | null {
  return bootstrapServerAdmin(store, config.adminEmail, config.adminToken);
}

export async function startPlatform(config: Config, log: Logger, overrides: PlatformOverrides = {}): Promise<Platform> {
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  await chmod(config.dataDir, 0o700);
  const store = new SqliteStore(join(config.dataDir, 'cove.db'), { onLogWriteError: (error) => log.error('Could not store log lines', error) });
  const blobKey = await loadOrCreateSecret(join(config.dataDir, 'blob.key'));
  const adminToken = bootstrapAdmin(store, config);
  if (adminToken !== null && config.adminToken === null) {
    await writeFile(join(config.dataDir, 'admin.token'), `${adminToken}\n`, { mode: 0o600 });
  }

  const wildcard = config.api.host === '0.0.0.0' || config.api.host === '::';
  const tls = await issueCertificate(join(config.dataDir, 'tls'), 'api', [
    'localhost',
    '127.0.0.1',
    '::1',
    hostname(),
    ...(wildcard ? [] : [config.api.host]),
  ]);

  let reconciler: Reconciler | undefined;
  const appLog = appLogWriter(store, log);
  const hooks: BackendHooks = {
    log: appLog,
    changed: () => reconciler?.trigger(),
  };
  // Before the backend: the dyno output it reads on start (written while no server ran) must
  // reach the drains too, not only the store.
  const drains = new LogDrainService(store, { capacity: config.drainBufferLines, ca: [tls.ca], log, dir: join(config.dataDir, 'drains') });
  drains.start();
  const backend = createBackend(config, hooks, log, overrides);
  const runtime = backend.runtime;
  await backend.start();
  if (!backend.runsDynos) log.info('No runtime is available: spaces stay allocating and no dynos run', { runtime: backend.kind });

  const apiHost = wildcard ? 'localhost' : config.api.host.includes(':') ? `[${config.api.host}]` : config.api.host;
  const blobDir = join(config.dataDir, 'blobs');
  // `heroku run` sessions meet their one-off dynos on the API's own port (see api-listener.ts).
  const rendezvous = new RendezvousServer({
    claim: (secret) => claimRendezvousSecret(store, secret),
    attach: async (dynoId) => (await reconciler?.attachDyno(dynoId)) ?? null,
    // Forgotten first, so a dyno the reconciler has not started yet never starts.
    abandon: (dynoId) => {
      forgetOneOffDyno(store, dynoId);
      reconciler?.stopAbandonedDyno(dynoId).catch((error: unknown) => log.error('Could not stop an abandoned one-off dyno', error));
    },
  });
  const listener = createApiListener(tls, { onRendezvous: (socket, head) => rendezvous.handle(socket, head) });
  await new Promise<void>((resolve, reject) => {
    listener.server.once('error', reject);
    listener.server.listen(config.api.port, config.api.host, () => resolve());
  });
  const port = listener.address().port;
  let listenerHandler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const builder = new Builder(store, { dataDir: config.dataDir, blobDir, domain: config.domain, buildRunner: backend.buildRunner, runsDynos: backend.runsDynos, log });
  await builder.start();
  const api = buildApi(
    {
      store,
      options: {
        domain: config.domain,
        region: config.region,
        gitBaseUrl: `https://${apiHost}:${port}`,
        blobDir,
        blobKey,
        runtimeAvailable: backend.runsDynos,
        logSessionTtlMs: config.logSessionTtlMs,
        dashboardDir: DASHBOARD_DIR,
      },
      builder,
    },
    {
      logger: log,
      serverFactory: (fastifyHandler) => {
        listenerHandler = fastifyHandler;
        return listener.http;
      },
    },
  );
  await api.ready();
  if (listenerHandler !== undefined) listener.serve(listenerHandler);

  reconciler = new Reconciler(store, runtime, {
    intervalMs: config.reconcileIntervalMs,
    // Backends fetch slugs from the API; a wildcard listener is reached on loopback.
    slugBlobs: {
      apiUrl: `http://${config.api.host === '0.0.0.0' ? '127.0.0.1' : config.api.host === '::' ? '[::1]' : apiHost}:${port}`,
      blobKey,
    },
    onError: (message, error) => log.error(message, error),
    appLog,
    // Routed dynos drain only where a router says when it is done with them.
    ...(backend.dataPlane.router !== undefined ? { drainTimeoutMs: ROUTER_DRAIN_TIMEOUT_MS } : {}),
  });
  reconciler.start();

  const feeds = new FeedPublisher(store, backend.dataPlane, { domain: config.domain, log });
  await feeds.start();


  const rec = reconciler;
  return {
    config,
    store,
    backend,
    runtime,
    reconciler: rec,
    drains,
    builder,
    api,
    listener,
    apiUrl: `http://${apiHost}:${port}`,
    caCertPath: tls.caCertPath,
    adminToken,
    close: async (options = {}) => {
      await feeds.close();
      await rec.close();
      await builder.close();
      rendezvous.close();
      await listener.close();
      await api.close();
      await backend.close(options);
      // Last: the backend's final log lines (dyno output read while closing) still reach the drains.
      await drains.close({ keepRunning: options.keepDataPlane === true });
      store.close();
    },
  };
}
