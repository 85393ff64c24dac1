/**
 * A space network in the kernel (design §2): a space-router netns holding one bridge per zone,
 * the DNS and internal-router VIPs as /32s on its `lo`, its own `inet cove` nft table, and a
 * transit veth to the host netns. Applying is idempotent: what exists is read back and only
 * what is missing is created; a zone's bridge is set down while the zone is unhealthy.
 */
import { createHash } from 'node:crypto';
import { ZONE_NAMES } from '../../shared/space-addressing.js';
import { deleteNetns, addNetns, ipBatch, listLinks } from './netns.js';
import { replaceTable } from './nftables.js';
import { exec } from './exec.js';
import { NFT_TABLE, TRANSIT_SPACE_SIDE, spaceNetns, transitLink, zoneBridge } from './kernel-names.js';
/** Creates or converges a space network. */
export async function applySpaceNetwork(spec) {
    const ns = spaceNetns(spec.shortId);
    const transit = transitLink(spec.shortId);
    const a = spec.addressing;
    await addNetns(ns);
    // br_netfilter is built in here and defaults to 1 in a new netns: same-bridge traffic would hit
    // the forward hook (findings §1). The space router only filters routed traffic.
    await exec('ip', [
        'netns', 'exec', ns, 'sysctl', '-q', '-e', '-w',
        'net.ipv4.ip_forward=1',
        'net.bridge.bridge-nf-call-iptables=0',
        'net.bridge.bridge-nf-call-ip6tables=0',
        'net.bridge.bridge-nf-call-arptables=0',
        'net.ipv6.conf.all.disable_ipv6=1',
        'net.ipv6.conf.default.disable_ipv6=1',
    ], { allowFailure: true });
    const hostLinks = await listLinks(null);
    const hostTransit = hostLinks.find((l) => l.ifname === transit);
    let links = await listLinks(ns);
    if (hostTransit === undefined || !links.some((l) => l.ifname === TRANSIT_SPACE_SIDE)) {
        if (hostTransit !== undefined)
            await exec('ip', ['link', 'del', transit], { allowFailure: true });
        await exec('ip', ['link', 'add', transit, 'type', 'veth', 'peer', 'name', TRANSIT_SPACE_SIDE, 'netns', ns]);
        links = await listLinks(ns);
    }
    const hostAddrs = (await listLinks(null)).find((l) => l.ifname === transit)?.addrs ?? [];
    const hostLines = [];
    if (!hostAddrs.includes(`${a.transitHost}/30`))
        hostLines.push(`addr add ${a.transitHost}/30 dev ${transit}`);
    hostLines.push(`link set ${transit} up`);
    await ipBatch(null, hostLines);
    const byName = new Map(links.map((l) => [l.ifname, l]));
    const lines = ['link set lo up'];
    const lo = byName.get('lo');
    for (const vip of [a.dnsAddress, a.routerAddress]) {
        if (!(lo?.addrs ?? []).includes(`${vip}/32`))
            lines.push(`addr add ${vip}/32 dev lo`);
    }
    for (const zone of a.zones) {
        const bridge = zoneBridge(zone.name);
        const existing = byName.get(bridge);
        if (existing === undefined)
            lines.push(`link add ${bridge} type bridge`);
        // A bridge takes the lowest MAC of its ports unless one is set: dynos coming and going would
        // change the gateway's MAC under the other dynos' ARP caches and black-hole their replies.
        lines.push(`link set ${bridge} address ${bridgeMac(spec.shortId, zone.name)}`);
        const gw = `${zone.gateway}/${zone.subnet.split('/')[1] ?? '20'}`;
        if (!(existing?.addrs ?? []).includes(gw))
            lines.push(`addr add ${gw} dev ${bridge}`);
        lines.push(`link set ${bridge} ${spec.zoneHealth.get(zone.name) === false ? 'down' : 'up'}`);
    }
    const tr = byName.get(TRANSIT_SPACE_SIDE);
    if (!(tr?.addrs ?? []).includes(`${a.transitSpace}/30`))
        lines.push(`addr add ${a.transitSpace}/30 dev ${TRANSIT_SPACE_SIDE}`);
    lines.push(`link set ${TRANSIT_SPACE_SIDE} up`);
    lines.push(`route replace default via ${a.transitHost} dev ${TRANSIT_SPACE_SIDE}`);
    await ipBatch(ns, lines);
    await replaceTable(ns, 'inet', NFT_TABLE, spaceRouterRules(spec));
}
/** A fixed, locally administered MAC for a zone's bridge. */
export function bridgeMac(shortId, zone) {
    const bytes = createHash('sha256').update(`${shortId}/${zone}`).digest().subarray(0, 5);
    return ['02', ...[...bytes].map((b) => b.toString(16).padStart(2, '0'))].join(':');
}
/** The space router's own table: drop by default, allow intra-space, egress, and the VIPs. */
export function spaceRouterRules(spec) {
    const bridges = ZONE_NAMES.map((z) => `"${zoneBridge(z)}"`).join(', ');
    const a = spec.addressing;
    return [
        '  chain input {',
        '    type filter hook input priority 0; policy drop;',
        '    ct state established,related accept',
        '    iifname "lo" accept',
        `    iifname { ${bridges} } ip daddr { ${a.dnsAddress}, ${a.routerAddress} } accept`,
        `    iifname { ${bridges} } icmp type echo-request accept`,
        '  }',
        '  chain forward {',
        '    type filter hook forward priority 0; policy drop;',
        '    ct state established,related accept',
        ...(spec.isolateDynos ? [] : [`    iifname { ${bridges} } oifname { ${bridges} } accept`]),
        `    iifname { ${bridges} } oifname "${TRANSIT_SPACE_SIDE}" accept`,
        '  }',
        '  chain postrouting {',
        '    type nat hook postrouting priority 100; policy accept;',
        `    oifname "${TRANSIT_SPACE_SIDE}" masquerade`,
        '  }',
    ].join('\n');
}
/** What of a space network exists in the kernel, read back. */
export async function readSpaceNetwork(shortId) {
    const ns = spaceNetns(shortId);
    let links;
    try {
        links = await listLinks(ns);
    }
    catch {
        return { exists: false, zones: new Map() };
    }
    const zones = new Map();
    for (const zone of ZONE_NAMES) {
        const bridge = links.find((l) => l.ifname === zoneBridge(zone));
        if (bridge !== undefined)
            zones.set(zone, { up: bridge.flags.includes('UP') });
    }
    return { exists: links.some((l) => l.ifname === TRANSIT_SPACE_SIDE), zones };
}
/** Removes the space router netns (SIGKILLing anything left inside) and the transit veth. */
export async function removeSpaceNetwork(shortId) {
    await deleteNetns(spaceNetns(shortId));
    await exec('ip', ['link', 'del', transitLink(shortId)], { allowFailure: true });
}
//# sourceMappingURL=space-network.js.map