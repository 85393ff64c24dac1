/**
 * Resolves the caller from `Authorization: Bearer <key>` (the heroku CLI) or
 * `Authorization: Basic <user:key>` (git's credential helper sends heroku:<key>).
 */
import type { FastifyRequest } from 'fastify';
import { userForToken } from '../domain/accounts.js';
import type { UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
export { userForToken };
export interface Credentials {
    scheme: 'bearer' | 'basic';
    user: string | null;
    secret: string;
}
export declare function readCredentials(request: FastifyRequest): Credentials | null;
export declare function authenticate(store: Store, request: FastifyRequest): UserRecord;
