/**
 * Named operations on an app's inbound ruleset and allowed-callers list. Implemented by ./sqlite/sqlite-app-rules-store.ts; no SQL outside it.
 */
import type { AppAllowedCallerRecord, AppCallerListRecord, AppInboundRulesetRecord } from './records.js';

export interface AppRuleStore {
  // --- used by seam ---
  /** Every app's own inbound ruleset. */
  inboundRulesets(): AppInboundRulesetRecord[];
  /** Every internal app's caller list (present: only listed callers get through). */
  callerLists(): AppCallerListRecord[];
  /** Every entry of every caller list. */
  allowedCallers(): AppAllowedCallerRecord[];
}
