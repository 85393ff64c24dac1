/**
 * Named operations on users, authorizations (API keys). Implemented by ./sqlite/sqlite-accounts-store.ts; no SQL outside it.
 */

import type { UserRecord } from './records.js';

export interface AccountStore {
  // --- used by api2 ---
  /** A user by id. */
  byId(userId: string): UserRecord | undefined;
}
