import type { TestContext } from 'node:test';
import type { AppRecord, UserRecord } from '../store/records.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
export declare function domainTestStore(t: TestContext): Promise<SqliteStore>;
/** Runs `fn` on a store in a temporary directory with one user and one app (outside any space). */
export declare function withAppStore(fn: (store: SqliteStore, app: AppRecord, user: UserRecord) => void): void;
