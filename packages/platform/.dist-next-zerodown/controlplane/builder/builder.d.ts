import type { BuildService, BuildSource, PushSession } from '../domain/builds.js';
import type { AppRecord, BuildRecord, UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { Logger } from '../../shared/log.js';
import type { BuildRunner } from '../../backends/build-runner.js';
export interface BuilderOptions {
    readonly dataDir: string;
    readonly blobDir: string;
    /** Base domain of app URLs, for "deployed to Cove" lines. */
    readonly domain: string;
    /** Where build steps run: the backend's runner (the linux one confines each step). */
    readonly buildRunner: BuildRunner;
    /** False when no runtime runs dynos (`--runtime none`): a release phase then fails at once. @default true */
    readonly runsDynos?: boolean;
    /** How long a build may wait for its release phase. @default 900000 */
    readonly releasePhaseTimeoutMs?: number;
    readonly log?: Logger;
}
export declare class Builder implements BuildService {
    #private;
    constructor(store: Store, options: BuilderOptions);
    /** Marks builds a previous run left pending as failed; opens the git hook socket. */
    start(): Promise<void>;
    close(): Promise<void>;
    repository(app: AppRecord): Promise<string>;
    openPush(app: AppRecord, user: UserRecord): PushSession;
    startBuild(app: AppRecord, user: UserRecord, source: BuildSource, buildpacks: readonly string[] | null): BuildRecord;
    outputFile(buildId: string): string;
    follow(buildId: string, write: (chunk: string) => void): Promise<void>;
}
