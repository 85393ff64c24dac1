/**
 * The CLI's API client: @cove/api-client (shared with the dashboard) with the CLI's user agent
 * and errors: non-2xx answers become `ApiError` (exit codes, suggestions); network failures a
 * `CliError` that names the URL.
 */
import { ApiClient as SharedApiClient } from '@cove/api-client';
import { ApiError } from './api-error.js';
import { CliError } from './cli-error.js';

export { ACCEPT_V3, seg, type ApiResponse, type RequestOptions } from '@cove/api-client';

export interface ApiClientOptions {
  /** Base URL, e.g. `http://127.0.0.1:5000`. */
  apiUrl: string;
  /** Bearer token; requests go without Authorization when undefined. */
  token: string | undefined;
  /** Sent as `User-Agent: cove-cli/<version>`. */
  version: string;
  /** Called with `Warning-Message` / `X-Heroku-Warning` response headers. */
  onWarning?: (message: string) => void;
}

export class ApiClient extends SharedApiClient {
  constructor(options: ApiClientOptions) {
    super({
      apiUrl: options.apiUrl,
      token: options.token,
      userAgent: `cove-cli/${options.version}`,
      ...(options.onWarning === undefined ? {} : { onWarning: options.onWarning }),
      errorFor: (init) => new ApiError(init),
      networkError: (apiUrl, error) => {
        const code = (error as { cause?: { code?: string } }).cause?.code;
        return new CliError(`Cannot reach the Cove API at ${apiUrl}${code === undefined ? '' : ` (${code})`}`, {
          suggestions: ['Is the server running? Set COVE_API_URL to its address (default http://127.0.0.1:5000)'],
          cause: error,
        });
      },
    });
  }
}
