import type { BuildService, PushSession } from '../domain/builds.js';
import type { AppRecord, UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
export declare class GitPushes {
    #private;
    constructor(options: {
        store: Store;
        reposDir: string;
        socketPath: string;
        builds: BuildService;
    });
    start(): Promise<void>;
    close(): Promise<void>;
    /** The app's bare repository (by app id, so a rename keeps it), created on first use. */
    repository(app: AppRecord): Promise<string>;
    open(app: AppRecord, user: UserRecord): PushSession;
}
