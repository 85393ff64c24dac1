export interface RangeRequest {
    field: string;
    /** Exclusive start (after this value) when the range began with `]`; otherwise inclusive. */
    start: string | null;
    startExclusive: boolean;
    max: number;
    order: 'asc' | 'desc';
}
export declare const DEFAULT_MAX = 200;
export declare const LIMIT_MAX = 1000;
export declare function parseRange(header: string | undefined, allowedFields: readonly string[], defaultField: string): RangeRequest;
/**
 * Applies a range to a list sorted by `key`; returns the page and the Next-Range header value
 * when more items follow.
 */
export declare function paginate<T>(items: readonly T[], range: RangeRequest, key: (item: T) => string | number): {
    page: T[];
    nextRange: string | null;
};
