/**
 * Named operations on process formations (quantity, size, restart epochs). Implemented by ./sqlite/sqlite-formations-store.ts; no SQL outside it.
 */
import type { FormationRecord } from './records.js';
/** One process type's new quantity and/or size (a batch update names several). */
export interface FormationScale {
    readonly id: string;
    readonly quantity?: number;
    readonly size?: string;
}
export interface FormationStore {
    /** The app's formation, one row per process type, by type. */
    list(appId: string): FormationRecord[];
    /** The app's formation row of one process type. */
    ofType(appId: string, type: string): FormationRecord | undefined;
    /** Sets quantities and sizes of several process types in one transaction. */
    scale(changes: readonly FormationScale[], at: string): void;
    /** Restarts every dyno of the given rows (bumps each row's restart epoch), in one transaction. */
    restartTypes(formationIds: readonly string[], at: string): void;
    /** Restarts one dyno (`<type>.<number>`): bumps its own restart epoch. */
    restartDyno(formationId: string, number: number, at: string): void;
}
