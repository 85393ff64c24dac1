/**
 * Heroku's naming rules for apps, teams and spaces, and generated app names.
 */
import { randomInt } from 'node:crypto';
import { InvalidParamsError } from '../../shared/errors.js';
const APP_NAME = /^[a-z][a-z0-9-]*[a-z0-9]$/;
/** Heroku: 3–30 characters, starts with a letter, ends with a letter or digit. */
export function validateAppName(value, what = 'Name') {
    if (typeof value !== 'string' || value === '')
        throw new InvalidParamsError(`${what} must be a non-empty string.`);
    if (value.length > 30)
        throw new InvalidParamsError(`${what} is too long (maximum is 30 characters)`);
    if (value.length < 3)
        throw new InvalidParamsError(`${what} is too short (minimum is 3 characters)`);
    if (!APP_NAME.test(value)) {
        throw new InvalidParamsError(`${what} must start with a letter, end with a letter or digit and can only contain lowercase letters, digits, and dashes.`);
    }
    return value;
}
const SPACE_NAME = /^[a-z](?:[a-z0-9]|-(?!-))*[a-z0-9]$/;
/** Space names: lowercase letters, digits and single dashes; starts with a letter; 3–30 long. */
export function validateSpaceName(value) {
    if (typeof value !== 'string' || value === '')
        throw new InvalidParamsError('Space name must be a non-empty string.');
    if (value.length < 3 || value.length > 30 || !SPACE_NAME.test(value)) {
        throw new InvalidParamsError('Space name must be 3 to 30 characters long, start with a letter, end with a letter or digit and contain only lowercase letters, digits and single dashes.');
    }
    return value;
}
const ADJECTIVES = ['quiet', 'sheltered', 'calm', 'still', 'hidden', 'sandy', 'rocky', 'misty', 'salty', 'sunny', 'windy', 'mossy', 'amber', 'coral', 'tidal', 'brisk'];
const NOUNS = ['harbor', 'lagoon', 'inlet', 'reef', 'bay', 'shoal', 'dune', 'cliff', 'tide', 'current', 'anchor', 'beacon', 'jetty', 'pier', 'estuary', 'atoll'];
/** A Heroku-style generated name such as "misty-lagoon-48213". */
export function generateAppName() {
    const pick = (list) => list[randomInt(list.length)] ?? 'cove';
    return `${pick(ADJECTIVES)}-${pick(NOUNS)}-${String(randomInt(10000, 100000))}`;
}
//# sourceMappingURL=names.js.map