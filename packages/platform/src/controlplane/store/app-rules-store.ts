/**
 * Named operations on an app's inbound ruleset and allowed-callers list. Implemented by ./sqlite/sqlite-app-rules-store.ts; no SQL outside it.
 */

export interface AppRuleStore {}
