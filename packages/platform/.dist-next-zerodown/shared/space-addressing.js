/**
 * Addresses inside a space, derived from its CIDR (design §2): never hard-coded.
 * For 10.0.0.0/16: DNS 10.0.0.2, internal router 10.0.0.10 (the VIP /24 at the start of the
 * space, outside every dyno subnet), dyno subnets 10.0.128.0/20, 10.0.144.0/20, 10.0.160.0/20,
 * and a transit /30 from 100.64.0.0/10 picked by the space's index.
 */
export const ZONE_NAMES = ['a', 'b', 'c'];
/** IPv4 dotted quad → unsigned 32-bit integer. */
export function ipToInt(ip) {
    const parts = ip.split('.');
    if (parts.length !== 4)
        throw new TypeError(`Cannot parse IPv4 address "${ip}"`);
    let n = 0;
    for (const part of parts) {
        if (!/^\d{1,3}$/.test(part) || Number(part) > 255)
            throw new TypeError(`Cannot parse IPv4 address "${ip}"`);
        n = n * 256 + Number(part);
    }
    return n >>> 0;
}
/** Unsigned 32-bit integer → IPv4 dotted quad. */
export function intToIp(n) {
    return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
/** Parses "a.b.c.d/len" into its network address (as an integer) and prefix length. */
export function parseCidr(cidr) {
    const m = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(cidr);
    const prefix = m === null ? NaN : Number(m[2]);
    if (m === null || !(prefix >= 0 && prefix <= 32))
        throw new TypeError(`Cannot parse CIDR "${cidr}"`);
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    return { network: (ipToInt(m[1] ?? '') & mask) >>> 0, prefix };
}
/** True when the address lies in the CIDR. */
export function cidrContains(cidr, ip) {
    const { network, prefix } = parseCidr(cidr);
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    return ((ipToInt(ip) & mask) >>> 0) === network;
}
/** True when two CIDRs share at least one address. */
export function cidrsOverlap(a, b) {
    const x = parseCidr(a);
    const y = parseCidr(b);
    const prefix = Math.min(x.prefix, y.prefix);
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    return ((x.network & mask) >>> 0) === ((y.network & mask) >>> 0);
}
const TRANSIT_BASE = ipToInt('100.64.0.0');
/** 100.64.0.0/10 holds 2^20 /30s. */
export const MAX_SPACE_INDEX = (1 << 20) - 1;
/** Derives every address of a space from its /16 and its index. */
export function spaceAddressing(cidr, index) {
    const { network, prefix } = parseCidr(cidr);
    if (prefix !== 16)
        throw new TypeError(`Cannot derive space addresses from "${cidr}": expected a /16`);
    if (!Number.isInteger(index) || index < 0 || index > MAX_SPACE_INDEX) {
        throw new RangeError(`Cannot derive transit addresses: index ${index} out of range`);
    }
    const zones = ZONE_NAMES.map((name, i) => {
        const base = network + (128 + 16 * i) * 256;
        return {
            name,
            subnet: `${intToIp(base)}/20`,
            gateway: intToIp(base + 1),
            firstHost: intToIp(base + 10),
            lastHost: intToIp(base + 16 * 256 - 2),
        };
    });
    const transit = TRANSIT_BASE + index * 4;
    return {
        cidr: `${intToIp(network)}/16`,
        dnsAddress: intToIp(network + 2),
        routerAddress: intToIp(network + 10),
        zones,
        transitHost: intToIp(transit + 1),
        transitSpace: intToIp(transit + 2),
    };
}
/** The addresses inside a space, from its /16 alone: the transit /30 is a backend's own business. */
export function spaceAddresses(cidr) {
    const { transitHost: _host, transitSpace: _space, ...inside } = spaceAddressing(cidr, 0);
    return inside;
}
//# sourceMappingURL=space-addressing.js.map