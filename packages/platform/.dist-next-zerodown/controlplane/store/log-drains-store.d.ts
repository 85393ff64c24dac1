/**
 * Named operations on log drains of apps and spaces. Implemented by ./sqlite/sqlite-log-drains-store.ts; no SQL outside it.
 */
import type { LogDrainRecord } from './records.js';
export interface LogDrainStore {
    /** Every drain, of apps and of spaces (for the drain forwarder's feed). */
    all(): LogDrainRecord[];
    /** The app's drains, oldest first. */
    ofApp(appId: string): LogDrainRecord[];
    /** The app's drain with this id, token or URL. */
    findOfApp(appId: string, idTokenOrUrl: string): LogDrainRecord | undefined;
    /** The space's drain (a space has at most one). */
    ofSpace(spaceId: string): LogDrainRecord | undefined;
    /** Records a drain. */
    insert(drain: LogDrainRecord): LogDrainRecord;
    /** Points a drain at another URL. */
    setUrl(drainId: string, url: string, at: string): void;
    /** Removes a drain. */
    remove(drainId: string): void;
}
