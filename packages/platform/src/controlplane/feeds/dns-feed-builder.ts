/**
 * Builds the DNS data plane's feed from store records. Pure: plain arrays in, plain JSON out,
 * so the caller decides when to read the store (on a watch event, or on every reconcile pass).
 * The router addresses each space answers with are filled in by the backend, which built the
 * space's network (see dns-feed.ts).
 */
import type { DnsAppFeed, DnsFeed, DnsSpaceFeed } from '../../dataplane/dns/dns-feed.js';
import type { AppRecord, DynoRecord, SpaceRecord } from '../store/records.js';

/** A custom domain of an app. */
export interface DomainInput {
  readonly appId: string;
  readonly hostname: string;
}

export interface DnsFeedInput {
  readonly spaces: readonly SpaceRecord[];
  readonly apps: readonly AppRecord[];
  readonly dynos: readonly DynoRecord[];
  /** @default [] */
  readonly domains?: readonly DomainInput[];
}

export interface DnsFeedOptions {
  /** Base domain of app URLs: an app's default domain is `<app>.<domain>`. */
  readonly domain: string;
}

/** Spaces being torn down or not yet allocated answer nothing of their own. */
const SERVED_SPACE_STATES: ReadonlySet<string> = new Set(['allocating', 'allocated']);
/** A dyno resolves by its own name while starting or up (it holds its IP). */
const RESOLVABLE_DYNO_STATES: ReadonlySet<string> = new Set(['starting', 'up']);

/** Store records → the DNS feed (every served space, every public domain). */
export function buildDnsFeed(input: DnsFeedInput, options: DnsFeedOptions): DnsFeed {
  const domainsByApp = new Map<string, string[]>();
  for (const app of input.apps) domainsByApp.set(app.id, [`${app.name}.${options.domain}`.toLowerCase()]);
  for (const d of input.domains ?? []) domainsByApp.get(d.appId)?.push(d.hostname.toLowerCase());

  const dynosByApp = new Map<string, DynoRecord[]>();
  for (const dyno of input.dynos) {
    if (dyno.privateIp === null || !RESOLVABLE_DYNO_STATES.has(dyno.state)) continue;
    const list = dynosByApp.get(dyno.appId);
    if (list === undefined) dynosByApp.set(dyno.appId, [dyno]);
    else list.push(dyno);
  }

  const appsBySpace = new Map<string, AppRecord[]>();
  const publicDomains: string[] = [];
  for (const app of input.apps) {
    if (app.internalRouting !== true) publicDomains.push(...(domainsByApp.get(app.id) ?? []));
    if (app.spaceId === null) continue;
    const list = appsBySpace.get(app.spaceId);
    if (list === undefined) appsBySpace.set(app.spaceId, [app]);
    else list.push(app);
  }

  const spaces: DnsSpaceFeed[] = [];
  for (const space of input.spaces) {
    if (!SERVED_SPACE_STATES.has(space.state)) continue;
    const apps: DnsAppFeed[] = (appsBySpace.get(space.id) ?? []).map((app) => ({
      name: app.name.toLowerCase(),
      internalRouting: app.internalRouting === true,
      domains: domainsByApp.get(app.id) ?? [],
      dynos: (dynosByApp.get(app.id) ?? []).map((d) => ({
        type: d.type,
        number: d.number,
        privateIp: d.privateIp ?? '',
        up: d.state === 'up',
      })),
    }));
    spaces.push({ spaceId: space.id, allocated: space.state === 'allocated', apps });
  }
  return { spaces, publicDomains, defaultNetwork: input.dynos.some((d) => d.spaceId === null) };
}
