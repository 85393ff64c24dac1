import type dgram from 'node:dgram';
import type net from 'node:net';
import type { Logger } from '../../shared/log.js';
import type { DnsServerFeed } from './dns-feed.js';
import type { DnsUpstream } from './resolv-conf.js';
/** Parent → child. */
export type DnsProcessRequest = {
    readonly type: 'init';
    readonly id: number;
    readonly upstreams: readonly DnsUpstream[] | null;
    readonly ttl?: number;
    readonly attemptTimeoutMs?: number;
}
/** Carries a dgram.Socket; `withTcp` says a `tcp` message with a net.Server follows. */
 | {
    readonly type: 'udp';
    readonly id: number;
    readonly spaceId: string;
    readonly withTcp: boolean;
}
/** Carries a net.Server. */
 | {
    readonly type: 'tcp';
    readonly id: number;
    readonly spaceId: string;
} | {
    readonly type: 'detach';
    readonly id: number;
    readonly spaceId: string;
} | {
    readonly type: 'update';
    readonly id: number;
    readonly feed: DnsServerFeed;
} | {
    readonly type: 'close';
    readonly id: number;
};
/** Child → parent. */
export type DnsProcessEvent = {
    readonly type: 'ack';
    readonly id: number;
    readonly error?: string;
} | {
    readonly type: 'socket-error';
    readonly spaceId: string;
    readonly message: string;
};
export interface DnsProcessOptions {
    /** Resolvers for names Cove does not own. @default the host's /etc/resolv.conf, read by the child */
    readonly upstreams?: readonly DnsUpstream[];
    /** TTL of Cove's own records, in seconds. @default 1 */
    readonly ttl?: number;
    /** How long one upstream gets, in ms. @default 1000 */
    readonly attemptTimeoutMs?: number;
    /** @default silent */
    readonly log?: Logger;
    /**
     * Called when the child exits without `close()`. It is restarted with back-off; its sockets are
     * gone, so re-attach every space once it is back (`start()` resolves then, or `onRestart`).
     */
    readonly onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
    /** Called when a restarted child is ready (with the last feed applied). */
    readonly onRestart?: () => void;
    /** How long `close()` waits for the child before SIGKILL, in ms. @default 5000 */
    readonly closeGraceMs?: number;
    /** The child's entry point. @default dist/bin/dns.js of this package */
    readonly entry?: string;
}
export declare class DnsProcessError extends Error {
    readonly name = "DnsProcessError";
}
export declare class DnsProcess {
    #private;
    constructor(options?: DnsProcessOptions);
    /** The child's pid while it runs. */
    get pid(): number | undefined;
    /**
     * Forks the child and configures it; replays the last feed after a restart. While a restart
     * after a crash is pending, it resolves once that restart is done.
     */
    start(): Promise<void>;
    /**
     * Hands `spaceId`'s bound sockets to the child, then closes this process's copies (otherwise
     * both processes would read from them).
     */
    attach(spaceId: string, udp: dgram.Socket, tcp?: net.Server): Promise<void>;
    /** Stops serving `spaceId`; the child closes its sockets. */
    detach(spaceId: string): Promise<void>;
    /** Replaces every space's records; resolves once the child answers from the new feed. */
    update(feed: DnsServerFeed): Promise<void>;
    /** Closes every socket and waits for the child to exit (SIGKILL after the grace). */
    close(): Promise<void>;
}
