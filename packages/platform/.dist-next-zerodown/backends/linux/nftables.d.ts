/**
 * Replaces `table <family> <name>` with `body` (the text between the table's braces) in one
 * transaction: the table is created empty if missing, deleted and re-declared.
 */
export declare function replaceTable(netns: string | null, family: string, name: string, body: string): Promise<void>;
export declare function deleteTable(netns: string | null, family: string, name: string): Promise<void>;
/** Tables present, as "family name", read back with `nft -j`. */
export declare function listTables(netns: string | null): Promise<string[]>;
