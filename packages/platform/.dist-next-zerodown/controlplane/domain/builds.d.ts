import type { AppRecord, BuildRecord, UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
export interface BuildSource {
    /** Shown as the build's `source_blob.url`. */
    readonly url: string;
    /** The commit or `source_blob.version`. */
    readonly version: string | null;
    readonly checksum: string | null;
    /** A one-line description (the commit subject). */
    readonly description: string | null;
    /** Makes the tarball (tar or tar.gz) available locally and returns its path. */
    fetch(): Promise<string>;
    /** Called once the build no longer needs the fetched tarball (e.g. to remove a download). */
    dispose?(): Promise<void>;
}
/** A git push in progress: the environment git http-backend hands its hooks. */
export interface PushSession {
    readonly env: Readonly<Record<string, string>>;
    close(): void;
}
export interface BuildService {
    /** Records a pending build and runs it in the background (one build at a time per app). */
    startBuild(app: AppRecord, user: UserRecord, source: BuildSource, buildpacks: readonly string[] | null): BuildRecord;
    /** Writes the build's output from its start, live; resolves once the build has ended. */
    follow(buildId: string, write: (chunk: string) => void): Promise<void>;
    /** The bare repository of an app, created on first use with Cove's pre-receive hook. */
    repository(app: AppRecord): Promise<string>;
    /** Opens a push session for git http-backend's environment. */
    openPush(app: AppRecord, user: UserRecord): PushSession;
}
/** The app's build; 404 when it has none with that id. */
export declare function findBuild(store: Store, app: AppRecord, buildId: string): BuildRecord;
/** Checks a buildpack URL or name (`heroku/nodejs`); returns it, or a 422 saying what is wrong. */
export declare function checkBuildpack(value: string): string;
/** Replaces the app's buildpack list (empty: detect); each buildpack at most once. */
export declare function setBuildpacks(store: Store, app: AppRecord, urls: readonly string[]): void;
