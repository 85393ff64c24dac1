/**
 * Named operations on an app's inbound ruleset and allowed-callers list. Implemented by ./sqlite/sqlite-app-rules-store.ts; no SQL outside it.
 */
import type { AppAllowedCallerRecord, AppCallerListRecord, AppInboundRulesetRecord } from './records.js';
export interface AppRuleStore {
    /** The app's own inbound ruleset, if it has one. */
    inboundRuleset(appId: string): AppInboundRulesetRecord | undefined;
    /** Sets (replaces) the app's own inbound ruleset. */
    putInboundRuleset(ruleset: AppInboundRulesetRecord): void;
    /** Removes the app's own inbound ruleset. */
    deleteInboundRuleset(appId: string): void;
    /** The app's caller list, if it has one. */
    callerList(appId: string): AppCallerListRecord | undefined;
    /** The ids of the apps on the app's caller list. */
    allowedCallerIds(appId: string): string[];
    /** Sets (replaces) the app's caller list and its apps. */
    putCallerList(list: AppCallerListRecord, callerAppIds: readonly string[]): void;
    /** Removes the app's caller list (every app of its space may call it again). */
    deleteCallerList(appId: string): void;
    /** Every app's own inbound ruleset. */
    inboundRulesets(): AppInboundRulesetRecord[];
    /** Every internal app's caller list (present: only listed callers get through). */
    callerLists(): AppCallerListRecord[];
    /** Every entry of every caller list. */
    allowedCallers(): AppAllowedCallerRecord[];
}
