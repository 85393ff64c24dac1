/**
 * The signed-in session as the page knows it: the account and the CSRF token (in memory only;
 * the session key itself is an HttpOnly cookie the page never sees), and the shared API client.
 */
import { ApiClient, ApiRequestError } from '@cove/api-client';

export interface SessionAccount {
  id: string;
  email: string;
  server_admin: boolean;
}

interface SessionBody {
  account: SessionAccount;
  csrf_token: string;
}

let csrfToken: string | undefined;

/** Fired when the API stops accepting the session (expired or revoked elsewhere): the page signs out. */
export const SESSION_LOST = 'cove:session-lost';

/** The API on the page's own origin, with the session cookie and its CSRF token. */
export const api = new ApiClient({
  apiUrl: '',
  credentials: 'same-origin',
  csrfToken: () => csrfToken,
  errorFor: (init) => {
    if (init.status === 401 && csrfToken !== undefined) {
      csrfToken = undefined;
      dispatchEvent(new Event(SESSION_LOST));
    }
    return new ApiRequestError(init);
  },
});

/** The current session's account, or null when signed out. */
export async function loadSession(): Promise<SessionAccount | null> {
  try {
    const body = await api.get<SessionBody>('/dashboard/session');
    csrfToken = body.csrf_token;
    return body.account;
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) return null;
    throw error;
  }
}

export async function signIn(input: { email: string; password: string } | { api_key: string }): Promise<SessionAccount> {
  const body = await api.post<SessionBody>('/dashboard/session', input);
  csrfToken = body.csrf_token;
  return body.account;
}

export async function signOut(): Promise<void> {
  try {
    await api.delete('/dashboard/session');
  } finally {
    csrfToken = undefined;
  }
}
