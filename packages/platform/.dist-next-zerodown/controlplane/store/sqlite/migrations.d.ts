/**
 * Schema migrations, in order. The store applies those past `PRAGMA user_version` in one
 * transaction each at open. Never edit a released migration; append a new one.
 */
export declare const MIGRATIONS: readonly string[];
