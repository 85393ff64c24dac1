/**
 * Named operations on builds and buildpack installations. Implemented by ./sqlite/sqlite-builds-store.ts; no SQL outside it.
 */
import type { BuildRecord } from './records.js';
export interface BuildStore {
    /** Records a new build. */
    insert(build: BuildRecord): BuildRecord;
    /** A build by id, of any app. */
    byId(buildId: string): BuildRecord | undefined;
    /** The app's build with this id. */
    byIdOfApp(appId: string, buildId: string): BuildRecord | undefined;
    /** The app's builds, oldest first. */
    ofApp(appId: string): BuildRecord[];
    /** Records the release a build made. */
    recordRelease(buildId: string, releaseId: string, at: string): void;
    /** Records how a build ended. */
    finish(buildId: string, result: Pick<BuildRecord, 'status' | 'failure' | 'slugId'>, at: string): void;
    /** Fails every pending build with `failure` (they cannot be running: the server restarted). */
    failPending(failure: string, at: string): void;
    /** The app's buildpack URLs, in order (empty: detect). */
    buildpacks(appId: string): string[];
    /** Replaces the app's buildpack list, in one transaction. */
    setBuildpacks(appId: string, urls: readonly string[]): void;
}
