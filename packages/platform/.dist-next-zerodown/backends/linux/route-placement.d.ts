/**
 * Places the control plane's route feed in the spaces' networks this backend built: each app
 * is reached in its space router's namespace, each space's internal listener binds its router
 * VIP there, and requests from its transit address count as from its outbound IP. Pure.
 *
 * An app or space whose network this runtime does not hold (yet) is left out until it does;
 * the publisher sends the feed again on every change and on a timer.
 */
import type { NamespacedRouteFeed, RouteFeed } from '../../dataplane/router/route-feed.js';
import type { LinuxSpaceNetwork } from './linux-runtime.js';
/** Key of the shared default network among the placed spaces (no space has this id). */
export declare const DEFAULT_ROUTE_SPACE = "default";
export declare function placeRouteFeed(feed: RouteFeed, networkOf: (spaceId: string | null) => LinuxSpaceNetwork | null): NamespacedRouteFeed;
