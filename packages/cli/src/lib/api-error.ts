import { errorBody, type ApiErrorInit } from '@cove/api-client';
import { CliError, EXIT } from './cli-error.js';

/**
 * A non-2xx answer from the API. With a `{id, message}` body it exits 2 as the heroku CLI does;
 * without a message it is reported as `HTTP Error <status> for <METHOD> <url>` and exits 1.
 */
export class ApiError extends CliError {
  readonly status: number;
  readonly id: string | undefined;
  readonly resource: string | undefined;
  readonly url: string | undefined;
  readonly body: unknown;

  constructor(init: ApiErrorInit) {
    const error = errorBody(init.body);
    const message =
      error === undefined
        ? `HTTP Error ${init.status} for ${init.method} ${init.requestUrl}${rawBody(init.body)}`
        : error.message;
    super(message, {
      exitCode: error === undefined ? EXIT.failure : EXIT.apiError,
      suggestions: suggestionsFor(init.status, error),
    });
    this.name = 'ApiError';
    this.status = init.status;
    this.id = error?.id;
    this.resource = error?.resource;
    this.url = error?.url;
    this.body = init.body;
  }
}

function rawBody(body: unknown): string {
  if (body === undefined || body === '') return '';
  return `\n${typeof body === 'string' ? body : JSON.stringify(body)}`;
}

function suggestionsFor(status: number, error: { resource?: string } | undefined): string[] {
  if (status === 401) return ['Run cove login, or set COVE_API_KEY to a valid API key'];
  if (status === 403) return ['Ask a team admin for access (cove members -t TEAM lists them)'];
  if (status === 404 && error?.resource === 'app') return ['Check the app name with cove apps, or pass it with -a APP'];
  if (status === 404 && error?.resource === 'space') return ['Check the space name with cove spaces'];
  return [];
}
