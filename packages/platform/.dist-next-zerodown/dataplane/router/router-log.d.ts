export interface RouterLogEntry {
    readonly appId: string;
    /** The Heroku line, without the `heroku[router]:` prefix. */
    readonly message: string;
    /** The status the client got. */
    readonly status: number;
    /** Total time in ms, for the metrics. */
    readonly serviceMs: number;
    /** Heroku error code, e.g. "H12"; null for a served request. */
    readonly code: string | null;
    /**
     * Set on lines of a HAProxy process finishing after a reload, which can arrive twice (from its
     * ring and as a datagram): the same key is the same request.
     */
    readonly duplicateKey: string | null;
}
/** Heroku's router error codes (devcenter "Heroku Error Codes"). */
export declare const ROUTER_ERRORS: {
    readonly H10: "App crashed";
    readonly H12: "Request timeout";
    readonly H13: "Connection closed without response";
    readonly H14: "No web processes running";
    readonly H15: "Idle connection";
    readonly H18: "Server Request Interrupted";
    readonly H19: "Backend connection timeout";
    readonly H21: "Backend connection refused";
    readonly H27: "Client Request Interrupted";
};
export type RouterErrorCode = keyof typeof ROUTER_ERRORS;
/** What the log line alone does not say. */
export interface RouterLogContext {
    /** The dyno a server address of the app belonged to ("web.1"). */
    readonly dynoAt?: (appId: string, address: string) => string | undefined;
    /** What the app's requests get while it has no dyno in service. @default H14 */
    readonly idleCode?: (appId: string) => 'H10' | 'H14';
}
/** One HAProxy log line → the app's router line; null for lines that belong to no app. */
export declare function parseRouterLog(line: string, context?: RouterLogContext): RouterLogEntry | null;
