/**
 * The HTTP client for Cove's Heroku Platform API v3: global `fetch`, the v3 Accept header,
 * Bearer auth, JSON bodies. Non-2xx answers become `ApiError`; network failures become a
 * `CliError` that names the URL.
 */
import { ApiError } from './api-error.js';
import { CliError } from './cli-error.js';

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

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ApiResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

export const ACCEPT_V3 = 'application/vnd.heroku+json; version=3';

export class ApiClient {
  readonly apiUrl: string;
  readonly #token: string | undefined;
  readonly #userAgent: string;
  readonly #onWarning: ((message: string) => void) | undefined;

  constructor(options: ApiClientOptions) {
    this.apiUrl = options.apiUrl.replace(/\/+$/, '');
    this.#token = options.token;
    this.#userAgent = `cove-cli/${options.version}`;
    this.#onWarning = options.onWarning;
  }

  get hasToken(): boolean {
    return this.#token !== undefined;
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const url = `${this.apiUrl}${path}`;
    const headers: Record<string, string> = {
      Accept: ACCEPT_V3,
      'User-Agent': this.#userAgent,
      ...(this.#token === undefined ? {} : { Authorization: `Bearer ${this.#token}` }),
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...options.headers,
    };
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers,
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      throw new CliError(`Cannot reach the Cove API at ${this.apiUrl}${code === undefined ? '' : ` (${code})`}`, {
        suggestions: ['Is the server running? Set COVE_API_URL to its address (default http://127.0.0.1:5000)'],
        cause: error,
      });
    }
    const warning = res.headers.get('warning-message') ?? res.headers.get('x-heroku-warning');
    if (warning !== null) this.#onWarning?.(warning);
    const body = await readBody(res);
    if (!res.ok) throw new ApiError({ status: res.status, method, requestUrl: url, body });
    return { status: res.status, headers: res.headers, body: body as T };
  }

  async get<T>(path: string, headers?: Record<string, string>): Promise<T> {
    return (await this.request<T>('GET', path, headers === undefined ? {} : { headers })).body;
  }

  async post<T>(path: string, body: unknown = {}, headers?: Record<string, string>): Promise<T> {
    return (await this.request<T>('POST', path, { body, ...(headers === undefined ? {} : { headers }) })).body;
  }

  async patch<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T> {
    return (await this.request<T>('PATCH', path, { body, ...(headers === undefined ? {} : { headers }) })).body;
  }

  async put<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T> {
    return (await this.request<T>('PUT', path, { body, ...(headers === undefined ? {} : { headers }) })).body;
  }

  async delete<T>(path: string, headers?: Record<string, string>): Promise<T> {
    return (await this.request<T>('DELETE', path, headers === undefined ? {} : { headers })).body;
  }
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  if (text === '') return undefined;
  if (/^application\/json|\+json/.test(type)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** Encodes one path segment (names, emails, CIDRs never need more). */
export function seg(value: string): string {
  return encodeURIComponent(value);
}
