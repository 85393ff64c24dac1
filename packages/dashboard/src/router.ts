/** Routing by the URL fragment (`#/spaces/x`), so the page never shadows an API path. */
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { page: 'spaces' }
  | { page: 'space'; space: string }
  | { page: 'apps' }
  | { page: 'app'; app: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter((p) => p !== '').map((p) => decodeURIComponent(p));
  if (parts[0] === 'spaces' && parts[1] !== undefined) return { page: 'space', space: parts[1] };
  if (parts[0] === 'apps' && parts[1] !== undefined) return { page: 'app', app: parts[1] };
  if (parts[0] === 'apps') return { page: 'apps' };
  return { page: 'spaces' };
}

export function href(route: Route): string {
  switch (route.page) {
    case 'spaces':
      return '#/spaces';
    case 'space':
      return `#/spaces/${encodeURIComponent(route.space)}`;
    case 'apps':
      return '#/apps';
    case 'app':
      return `#/apps/${encodeURIComponent(route.app)}`;
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
