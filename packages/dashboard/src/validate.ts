/**
 * Form checks from @cove/schema's request-body schemas (the server checks the same shapes): a
 * required text field must be non-empty, and a `minLength` holds. The message is the schema's
 * `description`, which is also what the API answers for that field.
 */
import type { BodySchema } from '@cove/schema';

export function validate(schema: BodySchema, values: Readonly<Record<string, string>>, required: readonly string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, value] of Object.entries(values)) {
    const rule = schema.properties[field];
    if (rule === undefined) continue;
    const missing = required.includes(field) && value.trim() === '';
    const tooShort = rule.minLength !== undefined && value !== '' && value.length < rule.minLength;
    if (missing || tooShort) errors[field] = rule.description;
  }
  return errors;
}
