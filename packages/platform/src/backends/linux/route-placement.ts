/**
 * Places the control plane's route feed in the spaces' networks this backend built: each app
 * is reached in its space router's namespace, each space's internal listener binds its router
 * VIP there, and requests from its transit address count as from its outbound IP. Pure.
 *
 * An app or space whose network this runtime does not hold (yet) is left out until it does;
 * the publisher sends the feed again on every change and on a timer.
 */
import type { NamespacedRouteApp, NamespacedRouteFeed, NamespacedRouteSpace, RouteFeed } from '../../dataplane/router/route-feed.js';
import type { LinuxSpaceNetwork } from './linux-runtime.js';

/** Key of the shared default network among the placed spaces (no space has this id). */
export const DEFAULT_ROUTE_SPACE = 'default';

export function placeRouteFeed(feed: RouteFeed, networkOf: (spaceId: string | null) => LinuxSpaceNetwork | null): NamespacedRouteFeed {
  const apps: NamespacedRouteApp[] = [];
  let usesDefault = false;
  for (const app of feed.apps) {
    const network = networkOf(app.spaceId);
    if (network === null) continue;
    if (app.spaceId === null) usesDefault = true;
    apps.push({ ...app, namespace: network.namespace });
  }
  const spaces: NamespacedRouteSpace[] = [];
  for (const space of feed.spaces) {
    const network = networkOf(space.spaceId);
    if (network === null) continue;
    spaces.push({ ...space, namespace: network.namespace, internalAddress: network.routerAddress, transitAddress: network.transitSpace });
  }
  const defaultNetwork = usesDefault ? networkOf(null) : null;
  if (defaultNetwork !== null) spaces.push({ spaceId: DEFAULT_ROUTE_SPACE, namespace: defaultNetwork.namespace, internalAddress: null });
  return { ...feed, apps, spaces };
}
