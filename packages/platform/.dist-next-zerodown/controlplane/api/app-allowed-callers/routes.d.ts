import type { ApiContext } from '../api-context.js';
import { type ApiServer } from '../api-server.js';
export declare function registerAppAllowedCallersRoutes(app: ApiServer, { store }: ApiContext): void;
