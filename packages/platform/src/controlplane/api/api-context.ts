/**
 * What every API route module receives: the store and the API's slice of the configuration.
 */
import type { Store } from '../store/store.js';
import type { BuildService } from '../domain/builds.js';

export interface ApiOptions {
  /** Base domain of app URLs. */
  readonly domain: string;
  /** The region this install serves. */
  readonly region: string;
  /** Where git remotes point: the API's HTTPS address, e.g. "https://localhost:5000". */
  readonly gitBaseUrl: string;
  /** Where slugs and other blobs live. */
  readonly blobDir: string;
  /** Secret that signs blob upload URLs. */
  readonly blobKey: Buffer;
  /** True when a runtime backend can run dynos (else spaces stay allocating). */
  readonly runtimeAvailable: boolean;
  /** How long a tail log session's URL works. */
  readonly logSessionTtlMs: number;
  /** The dashboard's built files (packages/dashboard/dist), served at `/`; absent: no dashboard. */
  readonly dashboardDir?: string | null;
}

export interface ApiContext {
  readonly store: Store;
  readonly options: ApiOptions;
  /** Runs builds (git push, POST /apps/:app/builds); absent where nothing builds. */
  readonly builder?: BuildService;
}
