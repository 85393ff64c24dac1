#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { DnsServer } from '../dataplane/dns/dns-server.js';
import { parseResolvConf } from '../dataplane/dns/resolv-conf.js';
if (process.send === undefined) {
    process.stderr.write('cove dns: must be started by cove server (it needs an IPC channel)\n');
    process.exit(2);
}
let server = null;
const pendingUdp = new Map();
function emit(event) {
    process.send?.(event);
}
async function hostUpstreams() {
    const text = await readFile('/etc/resolv.conf', 'utf8').catch(() => '');
    return parseResolvConf(text);
}
async function handle(request, handle) {
    switch (request.type) {
        case 'init': {
            if (server !== null)
                throw new Error('Cannot initialise the DNS server: already initialised');
            server = new DnsServer({
                upstreams: request.upstreams ?? (await hostUpstreams()),
                ...(request.ttl === undefined ? {} : { ttl: request.ttl }),
                ...(request.attemptTimeoutMs === undefined ? {} : { attemptTimeoutMs: request.attemptTimeoutMs }),
                onError: (error, spaceId) => emit({ type: 'socket-error', spaceId, message: error.message }),
            });
            return;
        }
        case 'udp': {
            const udp = handle;
            if (udp === undefined)
                throw new Error(`Cannot attach space "${request.spaceId}": no UDP socket came with the message`);
            if (request.withTcp)
                pendingUdp.set(request.spaceId, udp);
            else
                requireServer().attach(request.spaceId, { udp });
            return;
        }
        case 'tcp': {
            const tcp = handle;
            const udp = pendingUdp.get(request.spaceId);
            if (tcp === undefined || udp === undefined)
                throw new Error(`Cannot attach space "${request.spaceId}": TCP server without its UDP socket`);
            pendingUdp.delete(request.spaceId);
            requireServer().attach(request.spaceId, { udp, tcp });
            return;
        }
        case 'detach':
            await requireServer().detach(request.spaceId);
            return;
        case 'update':
            requireServer().update(request.feed);
            return;
        case 'close':
            await server?.close();
            for (const udp of pendingUdp.values())
                udp.close();
            pendingUdp.clear();
            return;
    }
}
function requireServer() {
    if (server === null)
        throw new Error('Cannot serve DNS: no init message yet');
    return server;
}
process.on('message', (request, socket) => {
    handle(request, socket).then(() => {
        emit({ type: 'ack', id: request.id });
        if (request.type === 'close')
            process.disconnect();
    }, (error) => emit({ type: 'ack', id: request.id, error: error instanceof Error ? error.message : String(error) }));
});
// The parent is gone (or closed us): stop serving so nothing keeps the sockets open.
process.on('disconnect', () => {
    void (server?.close() ?? Promise.resolve()).finally(() => process.exit(0));
});
//# sourceMappingURL=dns.js.map