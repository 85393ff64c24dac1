import type { DynoSlug } from '../runtime.js';
export interface SlugFetchOptions {
    /**
     * The control plane's blob directory when it is on this host: a slug's tarball is read from
     * `<localBlobDir>/slugs/<slug id>.tgz` when it is there with the right SHA-256 (no HTTP).
     */
    readonly localBlobDir?: string | null;
}
/**
 * The path of the slug's verified tarball: the local blob when the fast path applies, else
 * `download` after fetching the URL into it. Throws RuntimeError SLUG_INVALID (not retryable) when
 * the bytes do not match the SHA-256, SLUG_UNAVAILABLE when they cannot be fetched (retryable
 * unless the control plane refused for good: a 4xx, or a URL that is not on loopback).
 */
export declare function fetchSlugTarball(slug: DynoSlug, download: string, options?: SlugFetchOptions): Promise<string>;
