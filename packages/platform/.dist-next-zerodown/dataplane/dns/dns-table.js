/** The zone Cove answers for with authority. */
export const LOCAL_ZONE = 'localspace';
const NODATA = Object.freeze({ kind: 'nodata' });
const NXDOMAIN = Object.freeze({ kind: 'nxdomain' });
const FORWARD = Object.freeze({ kind: 'forward' });
/** Lower case, without the trailing dot of a fully qualified name. */
export function normalizeName(name) {
    const lower = name.toLowerCase();
    return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}
/** True for `localspace` and every name below it. */
export function isLocalName(name) {
    return name === LOCAL_ZONE || name.endsWith(`.${LOCAL_ZONE}`);
}
/** "10.0.128.11" → "11.128.0.10.in-addr.arpa" */
export function reverseName(ipv4) {
    return `${ipv4.split('.').reverse().join('.')}.in-addr.arpa`;
}
export class DnsTable {
    #spaces;
    constructor(spaces) {
        this.#spaces = spaces;
    }
    /** A table that knows no space: local names are NXDOMAIN, the rest is forwarded. */
    static empty() {
        return new DnsTable(new Map());
    }
    /** Builds the table of every space in the feed. */
    static fromFeed(feed) {
        const spaces = new Map();
        for (const space of feed.spaces) {
            const addresses = new Map();
            const pointers = new Map();
            const ancestors = new Set([LOCAL_ZONE, `app.${LOCAL_ZONE}`]);
            const add = (name, ip) => {
                const list = addresses.get(name);
                if (list === undefined)
                    addresses.set(name, [ip]);
                else if (!list.includes(ip))
                    list.push(ip);
            };
            // Lowest precedence first: a space's own app overrides the global public domain list.
            if (space.publicRouterAddress !== null) {
                for (const domain of feed.publicDomains)
                    addresses.set(normalizeName(domain), [space.publicRouterAddress]);
            }
            for (const app of space.apps) {
                const appName = normalizeName(app.name);
                const router = app.internalRouting ? space.internalRouterAddress : space.publicRouterAddress;
                for (const domain of app.domains) {
                    const name = normalizeName(domain);
                    if (isLocalName(name))
                        continue;
                    if (router === null)
                        addresses.delete(name);
                    else
                        addresses.set(name, [router]);
                }
                const appZone = `${appName}.app.${LOCAL_ZONE}`;
                ancestors.add(appZone);
                const dynos = [...app.dynos].sort((a, b) => a.type.localeCompare(b.type) || a.number - b.number);
                for (const dyno of dynos) {
                    const formation = `${dyno.type.toLowerCase()}.${appZone}`;
                    const dynoName = `${dyno.number}.${formation}`;
                    add(dynoName, dyno.privateIp);
                    pointers.set(reverseName(dyno.privateIp), dynoName);
                    if (dyno.up)
                        add(formation, dyno.privateIp);
                    else
                        ancestors.add(formation);
                }
            }
            spaces.set(space.spaceId, { addresses, pointers, ancestors });
        }
        return new DnsTable(spaces);
    }
    /** True when the feed listed the space. */
    hasSpace(spaceId) {
        return this.#spaces.has(spaceId);
    }
    /**
     * What `spaceId` answers for `name` (any case, with or without the trailing dot) and `type`
     * (a record type mnemonic such as "A", "AAAA", "PTR", "ANY").
     */
    lookup(spaceId, name, type) {
        const key = normalizeName(name);
        const space = this.#spaces.get(spaceId);
        if (space === undefined)
            return isLocalName(key) ? NXDOMAIN : FORWARD;
        const addresses = space.addresses.get(key);
        if (addresses !== undefined) {
            return type === 'A' || type === 'ANY' ? { kind: 'addresses', addresses } : NODATA;
        }
        if (isLocalName(key))
            return space.ancestors.has(key) ? NODATA : NXDOMAIN;
        const pointer = space.pointers.get(key);
        if (pointer !== undefined)
            return type === 'PTR' || type === 'ANY' ? { kind: 'pointer', name: pointer } : NODATA;
        return FORWARD;
    }
}
//# sourceMappingURL=dns-table.js.map