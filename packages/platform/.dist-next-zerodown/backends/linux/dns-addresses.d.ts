/**
 * Fills the control plane's DNS feed in with where each space's routers are reached from
 * inside it, which this backend knows because it built the network: internal apps' domains
 * resolve to the space's internal router VIP, public apps' to the host side of its transit
 * link (the public router's hairpin). Pure. A space whose network this runtime does not hold
 * (yet) is left out; its resolver is not attached before it is.
 */
import type { DnsFeed, DnsServerFeed } from '../../dataplane/dns/dns-feed.js';
import type { LinuxSpaceNetwork } from './linux-runtime.js';
export declare function addDnsAddresses(feed: DnsFeed, networkOf: (spaceId: string) => LinuxSpaceNetwork | null): DnsServerFeed;
