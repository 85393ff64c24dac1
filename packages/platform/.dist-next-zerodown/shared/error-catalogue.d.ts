export { RUNTIME_ERROR_CODES } from './errors.js';
/** API error ids (the `id` of error bodies). */
export declare const ERROR_CATALOGUE_IDS: readonly string[];
