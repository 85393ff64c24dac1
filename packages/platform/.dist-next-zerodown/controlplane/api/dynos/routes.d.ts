import { type OneOffRequest } from '../../domain/one-off-dynos.js';
import type { ApiContext } from '../api-context.js';
import { type ApiServer } from '../api-server.js';
/** Validates the body of `POST /apps/:app/dynos`. */
export declare function parseOneOffRequest(body: Record<string, unknown>, inSpace: boolean): OneOffRequest;
export declare function registerDynoRoutes(app: ApiServer, { store, options }: ApiContext): void;
