import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { ApiContext } from './api-context.js';
import type { ApiServer } from './api-server.js';
export interface ApiLogger {
    error(message: string, error: unknown): void;
}
/** Builds the API. `serverFactory` lets the caller own the HTTP(S) servers. */
export declare function buildApi(ctx: ApiContext, options?: {
    logger?: ApiLogger;
    serverFactory?: (handler: (req: IncomingMessage, res: ServerResponse) => void) => Server;
}): ApiServer;
