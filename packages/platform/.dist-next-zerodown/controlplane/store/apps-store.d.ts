/**
 * Named operations on apps (config vars live on the app). Implemented by ./sqlite/sqlite-apps-store.ts; no SQL outside it.
 */
import type { AppRecord, ReleaseRecord } from './records.js';
/** What an app's owner may change after creating it. */
export type AppPatch = Partial<Pick<AppRecord, 'name' | 'maintenance' | 'stack'>>;
export interface AppStore {
    /** The app with this name or id. */
    byNameOrId(nameOrId: string): AppRecord | undefined;
    /** The app with this id. */
    byId(id: string): AppRecord | undefined;
    /** Every app, by name. */
    list(): AppRecord[];
    /** The apps of a space, by name. */
    inSpace(spaceId: string): AppRecord[];
    /**
     * Adds an app, and with it its first release (v1) when given, in one transaction; false (and
     * nothing written) if the name is taken.
     */
    create(app: AppRecord, firstRelease?: Omit<ReleaseRecord, 'appId' | 'version'>): boolean;
    /** Changes an app's name, maintenance mode or stack; undefined if the new name is taken. */
    update(appId: string, patch: AppPatch, at: string): AppRecord | undefined;
    /** Removes an app and everything it owns (releases, formation, domains, …). */
    destroy(appId: string): void;
    /** Records the buildpacks that built the app's newest slug (`buildpack_provided_description`). */
    setBuildpackDescription(appId: string, description: string | null): void;
}
