/**
 * The control plane's records, as the store keeps them (camelCase domain fields).
 * The API maps them to Heroku's wire shapes in one serialize.ts per resource.
 */
import type { DynoState, InboundRule, SpaceState, TeamRole } from '@cove/schema';
export interface UserRecord {
    id: string;
    email: string;
    name: string | null;
    passwordHash: string | null;
    serverAdmin: boolean;
    createdAt: string;
    updatedAt: string;
    lastLogin: string | null;
}
export interface AuthorizationRecord {
    id: string;
    userId: string;
    tokenHash: string;
    description: string;
    scope: string[];
    expiresAt: string | null;
    revokedAt: string | null;
    createdAt: string;
    updatedAt: string;
}
export interface TeamRecord {
    id: string;
    name: string;
    createdAt: string;
    updatedAt: string;
}
export interface TeamMemberRecord {
    teamId: string;
    userId: string;
    role: TeamRole;
    createdAt: string;
    updatedAt: string;
}
export interface SpaceRecord {
    id: string;
    shortId: string;
    name: string;
    teamId: string;
    region: string;
    cidr: string;
    dataCidr: string;
    shield: boolean;
    state: SpaceState;
    /** Transit slot, unique among live spaces. */
    index: number;
    outboundIps: string[];
    inboundRules: InboundRule[];
    inboundRulesetId: string;
    inboundRulesUpdatedAt: string;
    inboundRulesUpdatedBy: string;
    lastError: string | null;
    createdAt: string;
    updatedAt: string;
}
export interface SpaceZoneRecord {
    spaceId: string;
    name: string;
    healthy: boolean;
    updatedAt: string;
}
export interface SpaceMemberRecord {
    spaceId: string;
    userId: string;
    permissions: string[];
    createdAt: string;
    updatedAt: string;
}
export interface AppRecord {
    id: string;
    name: string;
    ownerId: string;
    teamId: string | null;
    spaceId: string | null;
    region: string;
    internalRouting: boolean | null;
    maintenance: boolean;
    stack: string;
    buildpackDescription: string | null;
    config: Record<string, string>;
    createdAt: string;
    updatedAt: string;
    releasedAt: string | null;
}
export type ReleaseStatus = 'pending' | 'succeeded' | 'failed';
export interface ReleaseRecord {
    id: string;
    appId: string;
    version: number;
    description: string;
    status: ReleaseStatus;
    userId: string;
    slugId: string | null;
    config: Record<string, string>;
    createdAt: string;
    updatedAt: string;
}
export interface SlugRecord {
    id: string;
    appId: string;
    processTypes: Record<string, string>;
    commit: string | null;
    commitDescription: string | null;
    checksum: string | null;
    size: number | null;
    stack: string;
    buildpackDescription: string | null;
    uploaded: boolean;
    createdAt: string;
    updatedAt: string;
}
export interface FormationRecord {
    id: string;
    appId: string;
    type: string;
    quantity: number;
    size: string;
    command: string;
    /** Bumped by a restart of the whole type; part of every dyno's identity. */
    restartEpoch: number;
    /** Per dyno number restart epochs (restart of one dyno). */
    dynoEpochs: Record<string, number>;
    createdAt: string;
    updatedAt: string;
}
/** A dyno as last reported by the runtime (written by the reconciler only). */
export interface DynoRecord {
    id: string;
    appId: string;
    spaceId: string | null;
    type: string;
    number: number;
    name: string;
    releaseId: string;
    size: string;
    command: string;
    state: DynoState;
    zone: string | null;
    privateIp: string | null;
    port: number | null;
    createdAt: string;
    updatedAt: string;
}
/** A log drain: an app's (appId set) or a whole space's (spaceId set, at most one per space). */
export interface LogDrainRecord {
    id: string;
    appId: string | null;
    spaceId: string | null;
    url: string;
    /** `d.<uuid>`: names the drain in delivered lines and headers, as on Heroku. */
    token: string;
    createdAt: string;
    updatedAt: string;
}
/**
 * A one-off dyno someone asked for (`POST /apps/:app/dynos`): desired state the reconciler
 * starts once, with `restart: never`, and forgets when it has ended, was stopped or expired.
 */
export interface OneOffDynoRecord {
    /** Also the runtime dyno's id. */
    id: string;
    appId: string;
    /** `run.<number>`. */
    number: number;
    name: string;
    command: string;
    size: string;
    /** Extra environment from the request (`heroku run -e`, TERM, COLUMNS, LINES). */
    env: Record<string, string>;
    /** Attached (`heroku run`) or detached (`run:detached`, output in the app's log). */
    attach: boolean;
    tty: boolean;
    columns: number | null;
    lines: number | null;
    releaseId: string;
    /** SHA-256 of the rendezvous secret of an attached dyno; cleared once a session took it. */
    secretHash: string | null;
    /** `pending` until the reconciler started it, then `started`. */
    state: 'pending' | 'started';
    /** When it is stopped (`time_to_live`). */
    expiresAt: string;
    createdAt: string;
    updatedAt: string;
}
export interface LogLineRecord {
    seq: number;
    appId: string;
    time: string;
    source: string;
    dyno: string;
    message: string;
}
export type BuildStatus = 'pending' | 'succeeded' | 'failed';
/** A build: source → buildpacks → slug → release (git push or POST /apps/:app/builds). */
export interface BuildRecord {
    id: string;
    appId: string;
    userId: string;
    status: BuildStatus;
    /** Where the source came from: the git push's repo or `source_blob.url`. */
    sourceUrl: string;
    /** The commit (git push) or `source_blob.version`. */
    sourceVersion: string | null;
    sourceChecksum: string | null;
    /** Buildpack URLs or names used (empty: detected). */
    buildpacks: string[];
    slugId: string | null;
    releaseId: string | null;
    /** Why it failed, in one line, for the API and logs. */
    failure: string | null;
    createdAt: string;
    updatedAt: string;
}
/** One entry of an app's buildpack list (Heroku's buildpack-installations). */
export interface BuildpackInstallationRecord {
    appId: string;
    /** 0-based position in the list. */
    ordinal: number;
    url: string;
}
/** A dyno the reconciler wants to stop: out of the route feed first, stopped once drained. */
export interface DynoDrainRecord {
    dynoId: string;
    appId: string;
    startedAt: string;
    /** Set by the router once no proxy process routes to the dyno any more. */
    drainedAt: string | null;
}
/** A custom domain of an app (its default domain `<app>.<domain>` has no row). */
export interface DomainRecord {
    id: string;
    appId: string;
    /** Lower case. */
    hostname: string;
    createdAt: string;
    updatedAt: string;
}
/** A certificate (and its key) the HTTPS listener serves by SNI. */
export interface SniEndpointRecord {
    id: string;
    appId: string;
    name: string;
    certificateChain: string;
    privateKey: string;
    createdAt: string;
    updatedAt: string;
}
/** An app's own inbound ruleset: public traffic must pass it as well as its space's. */
export interface AppInboundRulesetRecord {
    appId: string;
    id: string;
    rules: InboundRule[];
    createdAt: string;
    createdBy: string;
}
/**
 * An internal app's caller list: only dynos of these apps (and of the app itself) may call it
 * on its space's internal router. No list: every app of the space may.
 */
export interface AppCallerListRecord {
    appId: string;
    id: string;
    createdAt: string;
    createdBy: string;
}
/** One app of a caller list. */
export interface AppAllowedCallerRecord {
    appId: string;
    callerAppId: string;
}
