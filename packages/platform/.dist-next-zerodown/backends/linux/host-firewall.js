/**
 * The host netns side of every space: Cove's `inet cove` table (replaced atomically whenever a
 * space comes or goes) and IPv4 forwarding. Traffic that neither enters nor leaves through a
 * Cove transit interface is not Cove's business and is accepted by this table, so the host's
 * other software keeps working; traffic from a space is dropped unless it is egress to the
 * public interface or return traffic (design §2).
 */
import { writeFile } from 'node:fs/promises';
import { deleteTable, replaceTable } from './nftables.js';
import { NFT_TABLE, TRANSIT_LINK_PREFIX } from './kernel-names.js';
export function hostRules(publicInterface, spaces, protectedPorts = [], routerPorts = []) {
    const transit = `"${TRANSIT_LINK_PREFIX}*"`;
    const valid = (p) => Number.isInteger(p) && p > 0 && p < 65536;
    const ports = protectedPorts.filter(valid);
    // Dynos reach the public router on the host (hairpin, as on Heroku); never a protected port.
    const ingress = routerPorts.filter((p) => valid(p) && !ports.includes(p));
    const snat = spaces.flatMap((s) => {
        const [first] = s.outboundIps;
        if (first === undefined || publicInterface === null)
            return [];
        const to = s.outboundIps.length === 1
            ? first
            : `numgen inc mod ${s.outboundIps.length} map { ${s.outboundIps.map((ip, i) => `${i} : ${ip}`).join(', ')} }`;
        return [`    ip saddr ${s.transitSpace} oifname "${publicInterface}" snat ip to ${to}`];
    });
    return [
        '  chain input {',
        '    type filter hook input priority 0; policy drop;',
        `    iifname != ${transit} accept`,
        ...(ports.length === 0 ? [] : [`    meta l4proto { tcp, udp } th dport { ${ports.join(', ')} } drop`]),
        '    ct state established,related accept',
        ...(ingress.length === 0 ? [] : [`    iifname ${transit} tcp dport { ${ingress.join(', ')} } accept`]),
        '  }',
        '  chain forward {',
        '    type filter hook forward priority 0; policy drop;',
        `    iifname != ${transit} oifname != ${transit} accept`,
        '    ct state established,related accept',
        ...(publicInterface === null ? [] : [`    iifname ${transit} oifname "${publicInterface}" accept`]),
        '  }',
        '  chain postrouting {',
        '    type nat hook postrouting priority 100; policy accept;',
        ...snat,
        ...(publicInterface === null ? [] : [`    iifname ${transit} oifname "${publicInterface}" masquerade`]),
        '  }',
    ].join('\n');
}
export async function applyHostFirewall(publicInterface, spaces, protectedPorts = [], routerPorts = []) {
    await writeFile('/proc/sys/net/ipv4/ip_forward', '1');
    await replaceTable(null, 'inet', NFT_TABLE, hostRules(publicInterface, spaces, protectedPorts, routerPorts));
}
export async function removeHostFirewall() {
    await deleteTable(null, 'inet', NFT_TABLE);
}
//# sourceMappingURL=host-firewall.js.map