/**
 * @deprecated Moved to controlplane/domain/releases.ts; this re-export keeps the routes of
 * other resources compiling until they import the domain. Delete once nothing imports it.
 */
export { createRelease, finishRelease, RELEASE_PROCESS_TYPE } from '../../domain/releases.js';
