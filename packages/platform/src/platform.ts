/**
 * Assembles a running Cove from a frozen Config: the store, the first account, the local CA,
 * the runtime backend, the reconciler and the API listener. `cove server` and the tests'
 * bootPlatform() both come through here.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { LinuxRuntime } from './backends/linux/linux-runtime.js';
import { NoRuntime } from './backends/none/no-runtime.js';
import type { Runtime, RuntimeHooks } from './backends/runtime.js';
import { createUser, issueToken } from './controlplane/api/accounts/routes.js';
import { createApiListener, type ApiListener } from './controlplane/api/api-listener.js';
import { buildApi, type ApiServer } from './controlplane/api/build-api.js';
import { claimRendezvousSecret, forgetOneOffDyno } from './controlplane/api/dynos/one-off-dynos.js';
import { RendezvousServer } from './dataplane/rendezvous/rendezvous-server.js';
import { hashToken } from './controlplane/api/tokens.js';
import { appLogWriter } from './controlplane/logs/app-log-writer.js';
import { LogDrainService } from './controlplane/logs/log-drain-service.js';
import { Builder } from './controlplane/builder/builder.js';
import { Reconciler } from './controlplane/reconciler/reconciler.js';
import { SqliteStore, type Store } from './controlplane/store/sqlite/sqlite-store.js';
import type { Config } from './shared/config.js';
import { defaultComponents, type PlatformComponent } from './platform-component.js';
import { issueCertificate } from './shared/local-ca.js';
import { ROUTER_DRAIN_TIMEOUT_MS } from './components/router-component.js';
import type { Logger } from './shared/log.js';

export interface Platform {
  readonly config: Config;
  readonly store: Store;
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
  close(): Promise<void>;
}

export interface PlatformOverrides {
  /** A runtime to use instead of the one the config names (tests pass the in-memory one). */
  readonly runtime?: (hooks: RuntimeHooks) => Runtime;
  /** Data-plane components instead of the default ones for the runtime. */
  readonly components?: readonly PlatformComponent[];
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

function createRuntime(config: Config, hooks: RuntimeHooks): Runtime {
  if (config.runtime === 'none') return new NoRuntime('the server was started with --runtime none');
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    return new NoRuntime('the linux runtime needs root (network namespaces, nftables, cgroups)');
  }
  return new LinuxRuntime({
    dataDir: config.dataDir,
    publicInterface: config.publicInterface,
    outboundIps: config.outboundIps,
    hooks,
    protectedPorts: [config.api.port],
    routerPorts: [config.http.port, config.https.port],
    cgroupParent: config.cgroupParent,
  });
}

/** The first account: created once, with COVE_ADMIN_TOKEN as its key or a generated one. */
function bootstrapAdmin(store: Store, config: Config): string | null {
  if (store.tables.users.one('server_admin = 1') !== undefined) {
    if (config.adminToken === null) return null;
    const admin = store.tables.users.one('server_admin = 1');
    if (admin !== undefined && store.tables.authorizations.one('token_hash = ?', [hashToken(config.adminToken)]) === undefined) {
      issueToken(store, admin, 'COVE_ADMIN_TOKEN', { token: config.adminToken });
    }
    return config.adminToken;
  }
  return store.transaction(() => {
    const admin = createUser(store, config.adminEmail, { serverAdmin: true });
    return issueToken(store, admin, 'Cove admin (first start)', config.adminToken === null ? {} : { token: config.adminToken }).token;
  });
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
  const hooks: RuntimeHooks = {
    log: appLog,
    changed: () => reconciler?.trigger(),
  };
  const runtime = overrides.runtime?.(hooks) ?? createRuntime(config, hooks);
  await runtime.start();
  if (runtime.kind === 'none') log.info('No runtime is available: spaces stay allocating and no dynos run', { runtime: 'none' });

  const apiHost = wildcard ? 'localhost' : config.api.host.includes(':') ? `[${config.api.host}]` : config.api.host;
  const blobDir = join(config.dataDir, 'blobs');
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  // `heroku run` sessions meet their one-off dynos on the API's own port (see api-listener.ts).
  const rendezvous = new RendezvousServer({
    claim: (secret) => claimRendezvousSecret(store, secret),
    attach: async (dynoId) => (await runtime.attachDyno?.(dynoId)) ?? null,
    // Forgotten first, so a dyno the reconciler has not started yet never starts.
    abandon: (dynoId) => {
      forgetOneOffDyno(store, dynoId);
      void runtime.stopDyno(dynoId, { graceSeconds: 5 }).catch((error: unknown) => log.error('Could not stop an abandoned one-off dyno', error));
    },
  });
  const listener = createApiListener((req, res) => handler?.(req, res), tls, { onRendezvous: (socket, head) => rendezvous.handle(socket, head) });
  await new Promise<void>((resolve, reject) => {
    listener.server.once('error', reject);
    listener.server.listen(config.api.port, config.api.host, () => resolve());
  });
  const port = listener.address().port;
  const builder = new Builder(store, { dataDir: config.dataDir, blobDir, domain: config.domain, runsDynos: runtime.kind !== 'none', log });
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
        runtimeAvailable: runtime.kind !== 'none',
        logSessionTtlMs: config.logSessionTtlMs,
      },
      builder,
    },
    {
      logger: log,
      serverFactory: (fastifyHandler) => {
        handler = fastifyHandler;
        return listener.http;
      },
    },
  );
  await api.ready();

  const components = [...(overrides.components ?? defaultComponents(runtime))];
  reconciler = new Reconciler(store, runtime, {
    intervalMs: config.reconcileIntervalMs,
    blobDir,
    onError: (message, error) => log.error(message, error),
    appLog,
    ...(components.some((c) => c.name === 'router') ? { drainTimeoutMs: ROUTER_DRAIN_TIMEOUT_MS } : {}),
  });
  reconciler.start();

  for (const component of components) {
    await component.start({ config, store, runtime, log, appLog, tlsDir: join(config.dataDir, 'tls') });
    log.info('Started data-plane component', { component: component.name });
  }

  const drains = new LogDrainService(store, { capacity: config.drainBufferLines, ca: [tls.ca], log });
  drains.start();

  const rec = reconciler;
  return {
    config,
    store,
    runtime,
    reconciler: rec,
    drains,
    builder,
    api,
    listener,
    apiUrl: `http://${apiHost}:${port}`,
    caCertPath: tls.caCertPath,
    adminToken,
    close: async () => {
      for (const component of components.reverse()) await component.close().catch((error: unknown) => log.error(`Could not close ${component.name}`, error));
      await rec.close();
      await drains.close();
      await builder.close();
      rendezvous.close();
      await listener.close();
      await api.close();
      await runtime.close();
      store.close();
    },
  };
}
