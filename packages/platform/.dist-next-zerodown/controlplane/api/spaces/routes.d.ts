import type { ApiContext } from '../api-context.js';
import { type ApiServer } from '../api-server.js';
export declare function registerSpaceRoutes(app: ApiServer, { store, options }: ApiContext): void;
