/**
 * Named operations on apps (config vars live on the app). Implemented by ./sqlite/sqlite-apps-store.ts; no SQL outside it.
 */

export interface AppStore {}
