/**
 * @deprecated Moved to controlplane/domain/builds.ts; this re-export keeps api-context.ts
 * compiling until it imports the domain. Delete once nothing imports it.
 */
export type { BuildService, BuildSource, PushSession } from '../../domain/builds.js';
