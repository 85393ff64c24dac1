/**
 * Error ids Cove's API puts in `{"id": …, "message": …}` bodies. They are Heroku's ids where
 * Heroku has one; clients (the heroku CLI, the cove CLI) branch on some of them.
 */
export const ERROR_IDS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_params: 422,
  unprocessable_entity: 422,
  requested_range_not_satisfiable: 416,
  payload_too_large: 413,
  internal_server_error: 500,
  service_unavailable: 503,
} as const;

/** One of Cove's API error ids. */
export type ErrorId = keyof typeof ERROR_IDS;

/** The body of every non-2xx JSON response. */
export interface ErrorBody {
  id: ErrorId;
  message: string;
  resource?: string;
  url?: string;
}
