/**
 * The Runtime interface: the only seam between the reconciler and a backend (linux, kubernetes,
 * the in-memory one used by tests). The reconciler decides *what* should run (placement, counts,
 * restarts, rolls); a backend makes it so and reports what is actually there.
 *
 * Every method is idempotent. After a restart of the control plane a backend adopts what it
 * finds in `start()`, and `listDynos()`/`listSpaces()` report it, so the reconciler converges.
 */
import type dgram from 'node:dgram';
import type net from 'node:net';
import type { DynoState } from '@cove/schema';
/** A zone of a space and whether its network segment should be up. */
export interface ZoneSpec {
    /** "a", "b" or "c". */
    readonly name: string;
    /** False while an admin drill has failed the zone. */
    readonly healthy: boolean;
}
/**
 * What the reconciler wants a space network to be: Heroku-level facts only. How a backend
 * realises it (kernel names, transit addresses, a cluster's namespaces) is its own business,
 * allocated and kept by the backend itself.
 */
export interface SpaceSpec {
    readonly id: string;
    readonly name: string;
    /** The space's RFC 1918 /16, e.g. "10.0.0.0/16". */
    readonly cidr: string;
    readonly dataCidr: string;
    /** Outbound addresses given to the space earlier; empty on first apply (the backend picks). */
    readonly outboundIps: readonly string[];
    readonly zones: readonly ZoneSpec[];
}
/** What a backend reports about a space network. */
export interface SpaceStatus {
    readonly id: string;
    /** True once the network exists and can carry dynos. */
    readonly ready: boolean;
    /** The stable outbound addresses every dyno of the space sends from. */
    readonly outboundIps: readonly string[];
    /** The DNS and internal router virtual addresses inside the space. */
    readonly dnsAddress: string | null;
    readonly routerAddress: string | null;
    readonly zones: readonly {
        name: string;
        healthy: boolean;
        subnet: string;
    }[];
}
/** Resources a dyno size grants. */
export interface DynoLimits {
    readonly memoryMb: number;
    readonly pids: number;
    /** CPU share of one core, in percent (100 = one core). */
    readonly cpuPercent: number;
}
/** Whether the backend should bring a dyno back when its process ends. */
export type RestartPolicy = 'always' | 'never';
/** What the reconciler wants one dyno to be. */
export interface DynoSpec {
    /** Unique per dyno incarnation; a changed spec gets a new id. */
    readonly id: string;
    readonly appId: string;
    readonly appName: string;
    /** The space the dyno runs in, or null for the shared default network. */
    readonly spaceId: string | null;
    readonly zone: string | null;
    /** Process type, e.g. "web". */
    readonly type: string;
    readonly number: number;
    /** "web.1" or "run.4821". */
    readonly name: string;
    readonly releaseId: string;
    readonly releaseVersion: number;
    readonly command: string;
    /** Config vars and add-on URLs; the backend adds PORT, DYNO, HEROKU_PRIVATE_IP, HEROKU_DNS_*. */
    readonly env: Readonly<Record<string, string>>;
    readonly size: string;
    readonly limits: DynoLimits;
    readonly slug: DynoSlug;
    readonly restart: RestartPolicy;
    /** Web dynos are `up` once they accept connections on $PORT. */
    readonly listens: boolean;
    /** Seconds a web dyno may take to bind $PORT before R10. @default 60 */
    readonly bootTimeoutSeconds: number;
    /**
     * A one-off dyno run attached (`heroku run`): its stdin and output are a live stream the
     * backend hands out through `attachDyno()` instead of the app's log. Absent for other dynos.
     */
    readonly attach?: DynoAttachSpec;
}
/**
 * Where a backend gets a dyno's slug: the control plane's blob store serves it at `url`
 * (authenticated by the token in the URL), and the backend checks it against `sha256` before
 * unpacking. Plain data, so a backend in another process or region can take it.
 */
export interface DynoSlug {
    readonly id: string;
    /** An http(s) URL a GET fetches the gzip tarball from. */
    readonly url: string;
    /** The tarball's SHA-256, 64 lowercase hex digits. */
    readonly sha256: string;
}
/** How an attached dyno's stream is set up. */
export interface DynoAttachSpec {
    /** Run the command on a pseudo-terminal (`heroku run` does unless `--no-tty`). */
    readonly tty: boolean;
    /** The terminal's initial size, when known. */
    readonly columns: number | null;
    readonly lines: number | null;
}
/** The live stream of an attached dyno; one session takes it. */
export interface DynoAttachment {
    /** Bytes for the process's stdin (on a tty, keystrokes: Ctrl-C is 0x03). */
    write(data: Buffer): void;
    /** Ends stdin (no tty) or sends the terminal's EOF character (tty). */
    endInput(): void;
    /** Output (stdout and stderr), from the first byte; ends when the process has ended. */
    readonly output: NodeJS.ReadableStream;
    /** Resizes the terminal (tty only; SIGWINCH to the foreground process). */
    resize(columns: number, lines: number): Promise<void>;
    /** Resolves with the command's exit status once the process has ended. */
    readonly exited: Promise<number>;
}
/** What a backend reports about one dyno. */
export interface DynoStatus {
    readonly id: string;
    readonly appId: string;
    readonly spaceId: string | null;
    readonly name: string;
    readonly type: string;
    readonly zone: string | null;
    readonly releaseId: string;
    readonly state: DynoState;
    readonly privateIp: string | null;
    readonly port: number | null;
    /** When the dyno entered its current state (ISO 8601). */
    readonly updatedAt: string;
    /**
     * The exit status of the dyno's last run once its process has ended (a `restart: 'never'`
     * dyno, e.g. a release phase, reports how it ended); null or absent while it runs.
     */
    readonly exitCode?: number | null;
}
/** One log line a backend produced, e.g. `heroku[web.1]: State changed from starting to up`. */
export interface RuntimeLogLine {
    readonly appId: string;
    /** "heroku" for platform lines, "app" for the dyno's own output. */
    readonly source: 'heroku' | 'app';
    readonly dyno: string;
    readonly message: string;
}
/** Which sockets to open inside a space network, on one of its virtual addresses. */
export interface SpaceListenRequest {
    /** The space's DNS address or its internal router address. */
    readonly vip: 'dns' | 'router';
    readonly port: number;
    readonly udp: boolean;
    readonly tcp: boolean;
}
/** Sockets bound inside a space network; the caller owns (and closes) them. */
export interface SpaceSockets {
    /** The address they are bound to, e.g. "10.0.0.2". */
    readonly address: string;
    readonly udp?: dgram.Socket;
    readonly tcp?: net.Server;
}
/** Callbacks a backend calls; all optional. */
export interface RuntimeHooks {
    /** A log line for an app's stream. */
    log?(line: RuntimeLogLine): void;
    /** Something changed (a dyno went up, crashed…): the reconciler should look again soon. */
    changed?(): void;
}
/**
 * Optional abilities a backend may offer beyond spaces and dynos. A reconciler whose resource
 * needs one the backend lacks refuses that resource (RuntimeError `CAPABILITY_MISSING`); each
 * has a contract suite, run against every backend that claims it (test/contract/).
 */
export declare const CAPABILITIES: readonly ["networks", "vpn", "addons", "attach"];
export type Capability = (typeof CAPABILITIES)[number];
export interface Runtime {
    /** "linux", "memory", … */
    readonly kind: string;
    /** What this backend offers beyond spaces and dynos (`attach`: `attachDyno()` works). */
    readonly capabilities: ReadonlySet<Capability>;
    /** Prepares the host and adopts what a previous run left. */
    start(): Promise<void>;
    /** Stops supervising without stopping dynos (they keep serving across a restart). */
    close(): Promise<void>;
    /** Creates or updates a space network; returns its status. */
    applySpace(spec: SpaceSpec): Promise<SpaceStatus>;
    /** Removes every object of a space network. A no-op when it does not exist. */
    removeSpace(spaceId: string): Promise<void>;
    listSpaces(): Promise<SpaceStatus[]>;
    /** Starts a dyno; a no-op when a dyno with that id already runs. */
    startDyno(spec: DynoSpec): Promise<void>;
    /** Stops a dyno (SIGTERM, then SIGKILL after the grace period) and forgets it. */
    stopDyno(dynoId: string, options?: {
        graceSeconds?: number;
    }): Promise<void>;
    listDynos(): Promise<DynoStatus[]>;
    /**
     * Binds sockets on a virtual address inside a space network (null: the shared default
     * network, created if missing) for a data-plane process in the host to serve, e.g. the space
     * DNS. Backends that cannot do this leave it out.
     */
    listenInSpace?(spaceId: string | null, request: SpaceListenRequest): Promise<SpaceSockets>;
    /**
     * The stream of an attached one-off dyno (`spec.attach`), once it runs; null when the dyno
     * is unknown, not attached, or its stream was already taken. Backends without attached dynos
     * leave it out.
     */
    attachDyno?(dynoId: string): Promise<DynoAttachment | null>;
    /** Removes everything the backend ever created on this host. */
    cleanup(): Promise<void>;
}
