/**
 * Accounts and API keys: `GET /account`, `POST/GET/DELETE /oauth/authorizations` (so
 * `heroku login -i` works: Basic email:password, where the password may also be an API key),
 * `GET /regions`, and Cove's `POST /users` for the server admin to create accounts.
 */
import { type Account } from '@cove/schema';
import type { UserRecord } from '../../store/records.js';
import type { ApiContext } from '../api-context.js';
import { type ApiServer } from '../api-server.js';
export declare function serializeAccount(user: UserRecord): Account;
export declare function registerAccountRoutes(app: ApiServer, { store, options }: ApiContext): void;
