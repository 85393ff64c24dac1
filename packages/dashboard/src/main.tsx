/** The dashboard's shell: sign-in when signed out, else navigation and the routed page. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { messageOf } from './errors.js';
import { href, useRoute } from './router.js';
import { loadSession, SESSION_LOST, signOut, type SessionAccount } from './session.js';
import { ErrorBanner } from './ui.js';
import { AppPage } from './pages/app-page.js';
import { AppsPage } from './pages/apps-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { SpacePage } from './pages/space-page.js';
import { SpacesPage } from './pages/spaces-page.js';
import './styles.css';

function Shell() {
  const [account, setAccount] = useState<SessionAccount | null | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const route = useRoute();
  useEffect(() => {
    loadSession().then(setAccount, (e: unknown) => setError(messageOf(e)));
    const lost = (): void => setAccount(null);
    addEventListener(SESSION_LOST, lost);
    return () => removeEventListener(SESSION_LOST, lost);
  }, []);

  if (error !== undefined) return <main><ErrorBanner message={error} /></main>;
  if (account === undefined) return <main><p>Loading…</p></main>;
  if (account === null) return <SignInPage onSignedIn={setAccount} />;

  async function leave(): Promise<void> {
    try {
      await signOut();
    } finally {
      setAccount(null);
    }
  }

  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <nav aria-label="Main">
          <strong class="brand">Cove</strong>
          <a href={href({ page: 'spaces' })} aria-current={route.page === 'spaces' || route.page === 'space' ? 'page' : undefined}>
            Spaces
          </a>
          <a href={href({ page: 'apps' })} aria-current={route.page === 'apps' || route.page === 'app' ? 'page' : undefined}>
            Apps
          </a>
        </nav>
        <span class="who">
          {account.email}{' '}
          <button type="button" onClick={() => void leave()}>
            Sign out
          </button>
        </span>
      </header>
      <main id="main">
        {route.page === 'spaces' && <SpacesPage />}
        {route.page === 'space' && <SpacePage name={route.space} account={account} />}
        {route.page === 'apps' && <AppsPage />}
        {route.page === 'app' && <AppPage name={route.app} account={account} />}
      </main>
    </>
  );
}

const root = document.getElementById('app');
if (root !== null) render(<Shell />, root);
