/** Heroku: 3–30 characters, starts with a letter, ends with a letter or digit. */
export declare function validateAppName(value: unknown, what?: string): string;
/** Space names: lowercase letters, digits and single dashes; starts with a letter; 3–30 long. */
export declare function validateSpaceName(value: unknown): string;
/** A Heroku-style generated name such as "misty-lagoon-48213". */
export declare function generateAppName(): string;
