import type { AppRecord, UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
export declare const STACKS: readonly string[];
export declare const DEFAULT_STACK = "heroku-24";
/** `POST /apps` (and `/teams/apps`) as the domain sees it: the body's fields, not yet checked. */
export interface AppCreateInput {
    readonly name?: unknown;
    readonly space?: unknown;
    /** Team name or id (`team` or `organization`); only honoured on the team endpoints. */
    readonly team?: unknown;
    readonly region?: unknown;
    readonly stack?: unknown;
    readonly internal_routing?: unknown;
}
/** Creates an app (personal, team or space) with its initial release. */
export declare function createApp(store: Store, actor: UserRecord, input: AppCreateInput, options: {
    readonly region: string;
    readonly teamEndpoint: boolean;
}): AppRecord;
/** Renames an app, sets maintenance mode or its build stack; space, region and routing are fixed. */
export declare function updateApp(store: Store, actor: UserRecord, nameOrId: string, input: Readonly<Record<string, unknown>>): AppRecord;
/**
 * The app, if the actor may destroy it: whoever may manage it, except that a team app not your
 * own needs a team admin. (Apart from destroyApp so the API can describe the app first.)
 */
export declare function appToDestroy(store: Store, actor: UserRecord, nameOrId: string): AppRecord;
/** Destroys an app (see appToDestroy) with everything it owns and its log lines. */
export declare function destroyApp(store: Store, app: AppRecord): void;
