import type { DynoSlug } from '../runtime.js';
import { type SlugFetchOptions } from './slug-fetch.js';
export declare class SlugStore {
    #private;
    constructor(dir: string, owner: {
        uid: number;
        gid: number;
    }, fetch?: SlugFetchOptions);
    /** The unpacked `app` directory of a slug, unpacking it on first use. */
    ensure(slug: DynoSlug): Promise<string>;
    removeAll(): Promise<void>;
}
