/** The API's own message for a failed request (every error on the page shows it word for word). */
import { ApiRequestError } from '@cove/api-client';

export function messageOf(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message;
  if (error instanceof Error) return `Could not reach the Cove API: ${error.message}`;
  return String(error);
}

/**
 * Which form field an API error is about, from the words of its message (the API's domain errors
 * name the field: "CIDR must…", "Data CIDR must…", "Name must…").
 */
export function fieldOf(error: unknown, fields: Readonly<Record<string, string>>): string | undefined {
  if (!(error instanceof ApiRequestError)) return undefined;
  const text = error.message.toLowerCase();
  // Longest label first, so "data cidr" wins over "cidr".
  const entries = Object.entries(fields).sort((a, b) => b[1].length - a[1].length);
  return entries.find(([, label]) => text.includes(label.toLowerCase()))?.[0];
}
