/**
 * Upstream resolvers: parsed from resolv.conf(5) by default, or given as "ip", "ip:port",
 * "[ipv6]:port".
 */
import { isIP } from 'node:net';
/** The `nameserver` lines of a resolv.conf text, in order. */
export function parseResolvConf(text) {
    const upstreams = [];
    for (const line of text.split('\n')) {
        const m = /^\s*nameserver\s+(\S+)/.exec(line);
        // A scoped IPv6 address ("fe80::1%eth0") keeps its zone; isIP accepts it.
        if (m?.[1] !== undefined && isIP(m[1]) !== 0)
            upstreams.push({ address: m[1], port: 53 });
    }
    return upstreams;
}
/** "127.0.0.1", "127.0.0.1:5353", "::1", "[::1]:5353" → an upstream. */
export function parseUpstream(value) {
    const bracketed = /^\[([^\]]+)\]:(\d{1,5})$/.exec(value);
    const v4WithPort = /^([^:]+):(\d{1,5})$/.exec(value);
    const [address, port] = bracketed !== null ? [bracketed[1], Number(bracketed[2])]
        : v4WithPort !== null ? [v4WithPort[1], Number(v4WithPort[2])]
            : [value, 53];
    if (address === undefined || isIP(address) === 0 || !(port >= 1 && port <= 65535)) {
        throw new TypeError(`Cannot parse DNS upstream "${value}": expected an IP address with an optional port`);
    }
    return { address, port };
}
//# sourceMappingURL=resolv-conf.js.map