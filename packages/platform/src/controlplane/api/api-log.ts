/**
 * @deprecated Moved to controlplane/domain/api-log.ts (the domain writes the `app[api]`
 * lines); re-exported while routes still import it from here. Delete once nothing does.
 */
export { logApiAction } from '../domain/api-log.js';
