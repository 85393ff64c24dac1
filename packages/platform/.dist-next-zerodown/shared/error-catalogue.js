/**
 * Every code Cove reports, for docs/errors.md and the test that keeps the two in step.
 */
import { ERROR_IDS } from '@cove/schema';
export { RUNTIME_ERROR_CODES } from './errors.js';
/** API error ids (the `id` of error bodies). */
export const ERROR_CATALOGUE_IDS = Object.keys(ERROR_IDS);
//# sourceMappingURL=error-catalogue.js.map