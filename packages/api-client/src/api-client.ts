/**
 * The HTTP client for Cove's Heroku Platform API v3: global `fetch` (Node and browsers), the v3
 * Accept header, Bearer auth or the dashboard's session cookie with its CSRF token, JSON bodies.
 * Non-2xx answers become the error `errorFor` makes (an `ApiRequestError` by default); network
 * failures become the error `networkError` makes (the fetch error by default).
 */
import { ApiRequestError, type ApiErrorInit } from './api-request-error.js';

export interface ApiClientOptions {
  /** Base URL, e.g. `http://127.0.0.1:5000`; '' for the page's own origin (the dashboard). */
  apiUrl: string;
  /** Bearer token; requests go without Authorization when undefined. */
  token?: string | undefined;
  /** Sent as `User-Agent` (Node only: browsers send their own). */
  userAgent?: string;
  /** Sent as `X-CSRF-Token` on every request (the dashboard's session cookie needs it to change anything). */
  csrfToken?: () => string | undefined;
  /** fetch's `credentials` (the dashboard: 'same-origin', so the session cookie goes). */
  credentials?: RequestCredentials;
  /** Called with `Warning-Message` / `X-Heroku-Warning` response headers. */
  onWarning?: (message: string) => void;
  /** The error a non-2xx answer becomes. */
  errorFor?: (init: ApiErrorInit) => Error;
  /** The error a failed fetch becomes. */
  networkError?: (apiUrl: string, error: unknown) => Error;
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
  readonly #options: ApiClientOptions;

  constructor(options: ApiClientOptions) {
    this.apiUrl = options.apiUrl.replace(/\/+$/, '');
    this.#options = options;
  }

  get hasToken(): boolean {
    return this.#options.token !== undefined;
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const url = `${this.apiUrl}${path}`;
    const { token, userAgent, csrfToken, credentials } = this.#options;
    const csrf = csrfToken?.();
    const headers: Record<string, string> = {
      Accept: ACCEPT_V3,
      ...(userAgent === undefined ? {} : { 'User-Agent': userAgent }),
      ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
      ...(csrf === undefined ? {} : { 'X-CSRF-Token': csrf }),
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...options.headers,
    };
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers,
        ...(credentials === undefined ? {} : { credentials }),
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
    } catch (error) {
      throw this.#options.networkError?.(this.apiUrl, error) ?? error;
    }
    const warning = res.headers.get('warning-message') ?? res.headers.get('x-heroku-warning');
    if (warning !== null) this.#options.onWarning?.(warning);
    const body = await readBody(res);
    if (!res.ok) {
      const init = { status: res.status, method, requestUrl: url, body };
      throw this.#options.errorFor?.(init) ?? new ApiRequestError(init);
    }
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
