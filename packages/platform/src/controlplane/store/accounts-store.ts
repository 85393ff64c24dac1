/**
 * Named operations on users, authorizations (API keys). Implemented by ./sqlite/sqlite-accounts-store.ts; no SQL outside it.
 */

export interface AccountStore {}
