/**
 * Data-plane components the platform starts beside the control plane (the DNS server, the
 * router): each runs off the API's event loop in its own process, fed from the store. The
 * platform starts them after the reconciler and closes them first.
 */
import type { Runtime, RuntimeLogLine } from './backends/runtime.js';
import { DnsComponent } from './components/dns-component.js';
import type { Store } from './controlplane/store/sqlite/sqlite-store.js';
import type { Config } from './shared/config.js';
import type { Logger } from './shared/log.js';
import { RouterComponent } from './components/router-component.js';

export interface ComponentContext {
  readonly config: Config;
  readonly store: Store;
  readonly runtime: Runtime;
  readonly log: Logger;
  /** Appends a line to an app's log stream (e.g. `heroku[router]` lines). */
  readonly appLog: (line: RuntimeLogLine) => void;
  /** The directory of Cove's local CA (`ca.crt`, `ca.key`), for certificates. */
  readonly tlsDir: string;
}

export interface PlatformComponent {
  readonly name: string;
  start(ctx: ComponentContext): Promise<void>;
  close(): Promise<void>;
}

/** The components `cove server` runs for a given runtime. */
export function defaultComponents(runtime: Runtime): PlatformComponent[] {
  const components: PlatformComponent[] = [];
  if (runtime.listenInSpace !== undefined) components.push(new DnsComponent());
  if (runtime.kind === 'linux') components.push(new RouterComponent());
  return components;
}
