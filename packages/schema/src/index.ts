export { ERROR_IDS, type ErrorBody, type ErrorId } from './error-ids.js';
export * from './request-bodies.js';
export type * from './wire.js';
export * from './deploy-bodies.js';
