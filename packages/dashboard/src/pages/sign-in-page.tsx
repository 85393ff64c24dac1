/**
 * Sign in with an email and password, or with an API key. Either way the server answers with an
 * HttpOnly session cookie; the key typed here is sent once and kept nowhere by the page.
 */
import { useState } from 'preact/hooks';
import { messageOf } from '../errors.js';
import { signIn, type SessionAccount } from '../session.js';
import { ErrorBanner, Field } from '../ui.js';

export function SignInPage({ onSignedIn }: { onSignedIn: (account: SessionAccount) => void }) {
  const [mode, setMode] = useState<'password' | 'key'>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await signIn(mode === 'password' ? { email, password } : { api_key: apiKey }));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
      setApiKey('');
      setPassword('');
    }
  }

  return (
    <main id="main" class="sign-in">
      <h1>Sign in to Cove</h1>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>Sign in with</legend>
          <label>
            <input type="radio" name="mode" checked={mode === 'password'} onChange={() => setMode('password')} /> Use email and password
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === 'key'} onChange={() => setMode('key')} /> Use an API key
          </label>
        </fieldset>
        {mode === 'password' ? (
          <>
            <Field id="email" label="Email" type="email" autoComplete="username" value={email} onInput={setEmail} />
            <Field id="password" label="Password" type="password" autoComplete="current-password" value={password} onInput={setPassword} />
          </>
        ) : (
          <Field id="api-key" label="API key" type="password" autoComplete="off" value={apiKey} onInput={setApiKey} />
        )}
        <ErrorBanner message={error} />
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
