/**
 * A non-2xx answer from the API, with Heroku's `{id, message}` error body read out when it has
 * one (`message` is then the API's own message, word for word).
 */
import type { ErrorBody } from '@cove/schema';

export interface ApiErrorInit {
  status: number;
  method: string;
  requestUrl: string;
  body: unknown;
}

export class ApiRequestError extends Error {
  readonly status: number;
  readonly id: string | undefined;
  readonly resource: string | undefined;
  readonly url: string | undefined;
  readonly body: unknown;

  constructor(init: ApiErrorInit) {
    const error = errorBody(init.body);
    super(error === undefined ? `HTTP Error ${init.status} for ${init.method} ${init.requestUrl}${rawBody(init.body)}` : error.message);
    this.name = 'ApiRequestError';
    this.status = init.status;
    this.id = error?.id;
    this.resource = error?.resource;
    this.url = error?.url;
    this.body = init.body;
  }
}

/** The `{id, message, resource?, url?}` of a Heroku error body, or undefined when it is not one. */
export function errorBody(body: unknown): (Partial<ErrorBody> & { message: string }) | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as Record<string, unknown>;
  if (typeof b['message'] !== 'string') return undefined;
  return {
    message: b['message'],
    ...(typeof b['id'] === 'string' ? { id: b['id'] as ErrorBody['id'] } : {}),
    ...(typeof b['resource'] === 'string' ? { resource: b['resource'] } : {}),
    ...(typeof b['url'] === 'string' ? { url: b['url'] } : {}),
  };
}

function rawBody(body: unknown): string {
  if (body === undefined || body === '') return '';
  return `\n${typeof body === 'string' ? body : JSON.stringify(body)}`;
}
