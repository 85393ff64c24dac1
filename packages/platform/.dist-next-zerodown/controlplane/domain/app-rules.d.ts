import type { AppCallerListRecord, AppInboundRulesetRecord, AppRecord, UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
/** More than any space should need; keeps a typo'd script from writing a huge list. */
export declare const MAX_CALLERS = 500;
/** The app's own inbound ruleset; 404 without one. */
export declare function appInboundRuleset(store: Store, app: AppRecord): AppInboundRulesetRecord;
/** Sets (replaces) an app's own inbound ruleset. */
export declare function putAppInboundRuleset(store: Store, actor: UserRecord, nameOrId: string, input: {
    readonly rules?: unknown;
}): {
    app: AppRecord;
    ruleset: AppInboundRulesetRecord;
};
/** Removes an app's own inbound ruleset (only its space's apply again); returns it as it was. */
export declare function deleteAppInboundRuleset(store: Store, actor: UserRecord, nameOrId: string): {
    app: AppRecord;
    ruleset: AppInboundRulesetRecord;
};
/** An app's caller list with the ids of the apps on it. */
export interface CallerList {
    readonly list: AppCallerListRecord;
    readonly callerAppIds: readonly string[];
}
/** The app's caller list; 404 without one. */
export declare function allowedCallers(store: Store, app: AppRecord): CallerList;
/**
 * Sets (replaces) an internal app's caller list. `apps` lists app names or ids, or `{id, name}`
 * references; each must be an app of the same space the actor can see.
 */
export declare function putAllowedCallers(store: Store, actor: UserRecord, nameOrId: string, input: {
    readonly apps?: unknown;
}): {
    app: AppRecord;
} & CallerList;
/** Removes an app's caller list (every app of its space may call it again); returns it as it was. */
export declare function deleteAllowedCallers(store: Store, actor: UserRecord, nameOrId: string): {
    app: AppRecord;
} & CallerList;
