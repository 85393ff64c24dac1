/**
 * Network namespaces and links, driven through iproute2 (`ip -j` to read back, `ip -batch` to
 * change several things in one spawn). Namespaces are created from the runtime's own mount
 * namespace: `ip netns add` under `ip netns exec` mounts into a slave namespace (findings §5).
 */
import { readdir } from 'node:fs/promises';
import { exec } from './exec.js';
const NETNS_DIR = '/run/netns';
/** Names of every named netns (entries of /run/netns). */
export async function listNetns() {
    try {
        return (await readdir(NETNS_DIR)).sort();
    }
    catch {
        return [];
    }
}
export async function netnsExists(name) {
    return (await listNetns()).includes(name);
}
export async function addNetns(name) {
    if (await netnsExists(name))
        return;
    await exec('ip', ['netns', 'add', name]);
}
/** Pids of processes whose network namespace is `name`. */
export async function netnsPids(name) {
    const { stdout } = await exec('ip', ['netns', 'pids', name], { allowFailure: true });
    return stdout
        .split('\n')
        .map((l) => Number(l.trim()))
        .filter((n) => Number.isInteger(n) && n > 0);
}
/**
 * Deletes a netns after SIGKILLing whatever still runs inside it: `ip netns del` with a process
 * inside only unmounts the name and the namespace (veth, address) lives on (findings §5).
 */
export async function deleteNetns(name) {
    if (!(await netnsExists(name)))
        return;
    for (const pid of await netnsPids(name)) {
        try {
            process.kill(pid, 'SIGKILL');
        }
        catch {
            // Already gone.
        }
    }
    await exec('ip', ['netns', 'del', name], { allowFailure: true });
}
/** Runs several `ip` commands in one spawn, in `netns` or the current one (null). */
export async function ipBatch(netns, lines) {
    if (lines.length === 0)
        return;
    const args = netns === null ? ['-batch', '-'] : ['-n', netns, '-batch', '-'];
    await exec('ip', args, { input: `${lines.join('\n')}\n` });
}
/** Links of a netns (or the current one) with their IPv4 addresses, read back from the kernel. */
export async function listLinks(netns) {
    const args = netns === null ? ['-j', '-4', 'addr', 'show'] : ['-n', netns, '-j', '-4', 'addr', 'show'];
    const { stdout: addrOut } = await exec('ip', args);
    const links = (netns === null ? ['-j', 'link', 'show'] : ['-n', netns, '-j', 'link', 'show']);
    const { stdout: linkOut } = await exec('ip', links);
    const addrs = new Map();
    for (const entry of JSON.parse(addrOut || '[]')) {
        addrs.set(entry.ifname, (entry.addr_info ?? []).map((a) => `${a.local}/${a.prefixlen}`));
    }
    return JSON.parse(linkOut || '[]').map((l) => ({
        ifname: l.ifname,
        operstate: l.operstate,
        flags: l.flags,
        ...(l.master === undefined ? {} : { master: l.master }),
        addrs: addrs.get(l.ifname) ?? [],
    }));
}
/** The interface of the default route and its primary IPv4 address, in the current netns. */
export async function defaultRouteInterface() {
    const { stdout } = await exec('ip', ['-j', '-4', 'route', 'show', 'default'], { allowFailure: true });
    const routes = JSON.parse(stdout || '[]');
    return routes.find((r) => r.dev !== undefined)?.dev ?? null;
}
/** Primary (non-secondary) global IPv4 address of an interface. */
export async function primaryAddress(ifname) {
    const { stdout } = await exec('ip', ['-j', '-4', 'addr', 'show', 'dev', ifname], { allowFailure: true });
    const entries = JSON.parse(stdout || '[]');
    const info = entries[0]?.addr_info ?? [];
    return info.find((a) => a.scope === 'global' && a.secondary !== true)?.local ?? null;
}
//# sourceMappingURL=netns.js.map