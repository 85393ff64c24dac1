/**
 * What every route module needs from the API: the server type it registers on, the
 * authenticated caller on each request, and the request body as an object. Routes import this,
 * never build-api.ts (which imports every route module).
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { UserRecord } from '../store/records.js';
declare module 'fastify' {
    interface FastifyContextConfig {
        /** The route authenticates by itself (login, signed blob URLs). */
        public?: boolean;
    }
    interface FastifyRequest {
        /** The authenticated caller; set for every non-public route. */
        user: UserRecord;
    }
}
export type ApiServer = FastifyInstance<Server, IncomingMessage, ServerResponse>;
/** The request body as an object, or a 400/422 explaining why not. */
export declare function bodyObject(request: FastifyRequest): Record<string, unknown>;
