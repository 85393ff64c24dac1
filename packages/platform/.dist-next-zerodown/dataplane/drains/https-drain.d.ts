import { BufferedDrain, type DrainOptions } from './buffered-drain.js';
import type { DrainTarget } from './drain-feed.js';
export declare class HttpsDrain extends BufferedDrain {
    #private;
    constructor(target: DrainTarget, options: DrainOptions);
    protected release(): void;
    protected pump(): void;
}
