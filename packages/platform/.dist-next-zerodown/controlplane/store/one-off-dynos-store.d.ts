/**
 * Named operations on one-off dynos (`heroku run`) and their rendezvous secrets. Implemented by ./sqlite/sqlite-one-off-dynos-store.ts; no SQL outside it.
 */
import type { OneOffDynoRecord } from './records.js';
export interface OneOffDynoStore {
    /** The app's one-off dynos. */
    ofApp(appId: string): OneOffDynoRecord[];
    /** Records a one-off dyno someone asked for. */
    insert(dyno: OneOffDynoRecord): OneOffDynoRecord;
    /** Removes the app's one-off dyno with this name or id; false when there is none. */
    removeOfApp(appId: string, nameOrId: string): boolean;
    /** Removes a one-off dyno by id; false when there is none. */
    remove(dynoId: string): boolean;
    /**
     * Spends a rendezvous secret: the dyno whose secret has this hash, with the secret cleared
     * (in one transaction, so only one session gets it); undefined when none has it.
     */
    claimSecret(secretHash: string, at: string): OneOffDynoRecord | undefined;
    /** Every one-off dyno, oldest first. */
    all(): OneOffDynoRecord[];
    /** Notes that the reconciler started the one-off dyno (a no-op unless it is pending). */
    markStarted(dynoId: string): void;
}
