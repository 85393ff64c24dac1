/**
 * The DNS record table: a pure function of the feed, asked "what does space S answer for name N,
 * type T?". No sockets, no clocks, no randomness (the server varies the answer order).
 *
 * Names (design §4, Heroku's DNS Service Discovery):
 * - `<n>.<process>.<app>.app.localspace` → that dyno's private IP (starting or up);
 * - `<process>.<app>.app.localspace` → every `up` dyno of that process type;
 * - any other name in `localspace` → NXDOMAIN, except the ancestors of existing names, which
 *   exist without records (NOERROR, no data; RFC 8020 says NXDOMAIN would deny everything below);
 * - an internal app's domains → the space's internal router; a public app's domains → the public
 *   router as reached from inside the space;
 * - the PTR of a dyno's private IP → its dyno name;
 * - everything else → forwarded upstream.
 * Only the asking space's apps count: another space's names are NXDOMAIN (localspace) or
 * forwarded (domains). Names compare case-insensitively (RFC 4343).
 */
import type { DnsServerFeed } from './dns-feed.js';

/** The zone Cove answers for with authority. */
export const LOCAL_ZONE = 'localspace';

export type DnsLookup =
  /** A records, in the table's stable order. */
  | { readonly kind: 'addresses'; readonly addresses: readonly string[] }
  /** A PTR record. */
  | { readonly kind: 'pointer'; readonly name: string }
  /** The name exists but has no record of the asked type (NOERROR, empty answer). */
  | { readonly kind: 'nodata' }
  /** The name is in Cove's zone and does not exist. */
  | { readonly kind: 'nxdomain' }
  /** Not Cove's to answer: ask the upstream resolvers. */
  | { readonly kind: 'forward' };

interface SpaceNames {
  /** name → A records */
  readonly addresses: Map<string, readonly string[]>;
  /** in-addr.arpa name → dyno name */
  readonly pointers: Map<string, string>;
  /** Ancestors of the names under localspace, including the zone apex. */
  readonly ancestors: Set<string>;
}

const NODATA: DnsLookup = Object.freeze({ kind: 'nodata' });
const NXDOMAIN: DnsLookup = Object.freeze({ kind: 'nxdomain' });
const FORWARD: DnsLookup = Object.freeze({ kind: 'forward' });

/** Lower case, without the trailing dot of a fully qualified name. */
export function normalizeName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** True for `localspace` and every name below it. */
export function isLocalName(name: string): boolean {
  return name === LOCAL_ZONE || name.endsWith(`.${LOCAL_ZONE}`);
}

/** "10.0.128.11" → "11.128.0.10.in-addr.arpa" */
export function reverseName(ipv4: string): string {
  return `${ipv4.split('.').reverse().join('.')}.in-addr.arpa`;
}

export class DnsTable {
  readonly #spaces: Map<string, SpaceNames>;

  private constructor(spaces: Map<string, SpaceNames>) {
    this.#spaces = spaces;
  }

  /** A table that knows no space: local names are NXDOMAIN, the rest is forwarded. */
  static empty(): DnsTable {
    return new DnsTable(new Map());
  }

  /** Builds the table of every space in the feed. */
  static fromFeed(feed: DnsServerFeed): DnsTable {
    const spaces = new Map<string, SpaceNames>();
    for (const space of feed.spaces) {
      const addresses = new Map<string, string[]>();
      const pointers = new Map<string, string>();
      const ancestors = new Set<string>([LOCAL_ZONE, `app.${LOCAL_ZONE}`]);
      const add = (name: string, ip: string): void => {
        const list = addresses.get(name);
        if (list === undefined) addresses.set(name, [ip]);
        else if (!list.includes(ip)) list.push(ip);
      };
      // Lowest precedence first: a space's own app overrides the global public domain list.
      if (space.publicRouterAddress !== null) {
        for (const domain of feed.publicDomains) addresses.set(normalizeName(domain), [space.publicRouterAddress]);
      }
      for (const app of space.apps) {
        const appName = normalizeName(app.name);
        const router = app.internalRouting ? space.internalRouterAddress : space.publicRouterAddress;
        for (const domain of app.domains) {
          const name = normalizeName(domain);
          if (isLocalName(name)) continue;
          if (router === null) addresses.delete(name);
          else addresses.set(name, [router]);
        }
        const appZone = `${appName}.app.${LOCAL_ZONE}`;
        ancestors.add(appZone);
        const dynos = [...app.dynos].sort((a, b) => a.type.localeCompare(b.type) || a.number - b.number);
        for (const dyno of dynos) {
          const formation = `${dyno.type.toLowerCase()}.${appZone}`;
          const dynoName = `${dyno.number}.${formation}`;
          add(dynoName, dyno.privateIp);
          pointers.set(reverseName(dyno.privateIp), dynoName);
          if (dyno.up) add(formation, dyno.privateIp);
          else ancestors.add(formation);
        }
      }
      spaces.set(space.spaceId, { addresses, pointers, ancestors });
    }
    return new DnsTable(spaces);
  }

  /** True when the feed listed the space. */
  hasSpace(spaceId: string): boolean {
    return this.#spaces.has(spaceId);
  }

  /**
   * What `spaceId` answers for `name` (any case, with or without the trailing dot) and `type`
   * (a record type mnemonic such as "A", "AAAA", "PTR", "ANY").
   */
  lookup(spaceId: string, name: string, type: string): DnsLookup {
    const key = normalizeName(name);
    const space = this.#spaces.get(spaceId);
    if (space === undefined) return isLocalName(key) ? NXDOMAIN : FORWARD;
    const addresses = space.addresses.get(key);
    if (addresses !== undefined) {
      return type === 'A' || type === 'ANY' ? { kind: 'addresses', addresses } : NODATA;
    }
    if (isLocalName(key)) return space.ancestors.has(key) ? NODATA : NXDOMAIN;
    const pointer = space.pointers.get(key);
    if (pointer !== undefined) return type === 'PTR' || type === 'ANY' ? { kind: 'pointer', name: pointer } : NODATA;
    return FORWARD;
  }
}
