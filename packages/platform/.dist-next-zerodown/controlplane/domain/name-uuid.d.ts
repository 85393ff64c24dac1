/** A stable UUID-shaped id derived from a name. */
export declare function nameUuid(kind: string, name: string): string;
/** The id of the region with this name (a request may name a region by either). */
export declare function regionId(name: string): string;
