/**
 * Builds the router's feed from store records. Pure: plain arrays in, plain JSON out, so the
 * caller decides when to read the store. The feed names spaces, apps and dynos; where each
 * space's network is (namespace, router VIP, transit) is the backend's business.
 */
import type { RouteApp, RouteFeed, RouteServer, RouteSpace } from '../../dataplane/router/route-feed.js';
import type { AppAllowedCallerRecord, AppCallerListRecord, AppInboundRulesetRecord, AppRecord, DynoDrainRecord, DynoRecord, SniEndpointRecord, SpaceRecord } from '../store/records.js';
import type { DomainInput } from './dns-feed-builder.js';

export interface RouteFeedInput {
  readonly spaces: readonly SpaceRecord[];
  readonly apps: readonly AppRecord[];
  readonly dynos: readonly DynoRecord[];
  /** @default [] */
  readonly drains?: readonly DynoDrainRecord[];
  /** @default [] */
  readonly domains?: readonly DomainInput[];
  /** @default [] */
  readonly sniEndpoints?: readonly SniEndpointRecord[];
  /** @default [] */
  readonly appInboundRulesets?: readonly AppInboundRulesetRecord[];
  /** Internal apps' caller lists and their apps. @default [] */
  readonly appCallerLists?: readonly AppCallerListRecord[];
  /** @default [] */
  readonly appAllowedCallers?: readonly AppAllowedCallerRecord[];
}

export interface RouteFeedOptions {
  /** Base domain of app URLs: an app's default domain is `<app>.<domain>`. */
  readonly domain: string;
}

/** Spaces whose network exists. */
const ROUTED_SPACE_STATES: ReadonlySet<string> = new Set(['allocated']);

/** Store records → the route feed. */
export function buildRouteFeed(input: RouteFeedInput, options: RouteFeedOptions): RouteFeed {
  const draining = new Set((input.drains ?? []).map((d) => d.dynoId));
  const spacesById = new Map(input.spaces.filter((s) => ROUTED_SPACE_STATES.has(s.state)).map((s) => [s.id, s]));
  const domainsByApp = new Map<string, string[]>();
  for (const d of input.domains ?? []) {
    const list = domainsByApp.get(d.appId);
    if (list === undefined) domainsByApp.set(d.appId, [d.hostname.toLowerCase()]);
    else list.push(d.hostname.toLowerCase());
  }
  const webByApp = new Map<string, DynoRecord[]>();
  for (const dyno of input.dynos) {
    if (dyno.type !== 'web') continue;
    const list = webByApp.get(dyno.appId);
    if (list === undefined) webByApp.set(dyno.appId, [dyno]);
    else list.push(dyno);
  }

  const appRules = new Map((input.appInboundRulesets ?? []).map((r) => [r.appId, r.rules.map((x) => ({ action: x.action, source: x.source }))]));
  const callersOf = allowedCallerAddresses(input);
  const apps: RouteApp[] = [];
  for (const app of input.apps) {
    const space = app.spaceId === null ? null : spacesById.get(app.spaceId);
    if (space === undefined) continue;
    const web = webByApp.get(app.id) ?? [];
    const servers: RouteServer[] = web
      .filter((d) => d.state === 'up' && d.privateIp !== null && d.port !== null && !draining.has(d.id))
      .sort((a, b) => a.number - b.number || a.id.localeCompare(b.id))
      .map((d) => ({ dynoId: d.id, name: d.name, address: d.privateIp ?? '', port: d.port ?? 0 }));
    const live = web.filter((d) => !draining.has(d.id));
    apps.push({
      appId: app.id,
      name: app.name.toLowerCase(),
      spaceId: app.spaceId,
      internal: space !== null && app.internalRouting === true,
      hostnames: [`${app.name}.${options.domain}`.toLowerCase(), ...(domainsByApp.get(app.id) ?? [])],
      inboundRules: space === null ? null : space.inboundRules.map((r) => ({ action: r.action, source: r.source })),
      appInboundRules: appRules.get(app.id) ?? null,
      ...(callersOf.has(app.id) && space !== null && app.internalRouting === true ? { allowedCallers: callersOf.get(app.id) ?? [] } : {}),
      servers,
      idleCode: live.some((d) => d.state === 'crashed') ? 'H10' : 'H14',
    });
  }
  apps.sort((a, b) => a.name.localeCompare(b.name));

  const spaces: RouteSpace[] = [...spacesById.values()]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .map((s) => ({ spaceId: s.id, outboundIp: s.outboundIps[0] ?? null }));
  const live = new Set(apps.map((a) => a.appId));
  const certificates = (input.sniEndpoints ?? [])
    .filter((e) => live.has(e.appId))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .map((e) => ({ id: e.id, appId: e.appId, pem: `${e.certificateChain.trim()}\n${e.privateKey.trim()}\n` }));
  return { apps, spaces, draining: [...draining].sort(), certificates };
}

/**
 * Internal app id → the private IPs of the dynos that may call it: every dyno with an address
 * (one-off and release dynos included, whatever its state, since an address is not reused while
 * its dyno exists) of a listed app of the same space, or of the app itself. Read from the dynos
 * each time, so scaling and restarts of the callers follow.
 */
function allowedCallerAddresses(input: RouteFeedInput): Map<string, string[]> {
  const spaceOf = new Map(input.apps.map((a) => [a.id, a.spaceId]));
  const addresses = new Map<string, string[]>();
  for (const d of input.dynos) {
    if (d.privateIp === null) continue;
    const list = addresses.get(d.appId);
    if (list === undefined) addresses.set(d.appId, [d.privateIp]);
    else list.push(d.privateIp);
  }
  const callers = new Map<string, Set<string>>();
  for (const list of input.appCallerLists ?? []) callers.set(list.appId, new Set([list.appId]));
  for (const c of input.appAllowedCallers ?? []) callers.get(c.appId)?.add(c.callerAppId);
  const out = new Map<string, string[]>();
  for (const [appId, ids] of callers) {
    const space = spaceOf.get(appId);
    const ips = [...ids].filter((id) => space != null && spaceOf.get(id) === space).flatMap((id) => addresses.get(id) ?? []);
    out.set(appId, [...new Set(ips)].sort());
  }
  return out;
}
