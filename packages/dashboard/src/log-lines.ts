/**
 * Log lines through the API's log-session stream (Server-Sent Events on a URL that carries its own
 * short-lived credential): a dump of recent lines, or a live tail.
 */
import { seg } from '@cove/api-client';
import type { LogSession } from '@cove/schema';
import { api } from './session.js';

/** The SSE events' data of a finished stream. */
function parseEvents(text: string): string[] {
  return text
    .split('\n\n')
    .map((event) =>
      event
        .split('\n')
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n'),
    )
    .filter((data) => data !== '');
}

/** The app's recent log lines (of one dyno when given). */
export async function recentLines(app: string, dyno?: string, lines = 50): Promise<string[]> {
  const session = await api.post<LogSession>(`/apps/${seg(app)}/log-sessions`, { lines, tail: false, ...(dyno === undefined ? {} : { dyno }) });
  const res = await fetch(session.logplex_url, { credentials: 'omit' });
  return parseEvents(await res.text());
}

/** Tails the app's log: calls `onLine` per line until the returned stop function is called. */
export async function tailLines(app: string, onLine: (line: string) => void, onError: (message: string) => void): Promise<() => void> {
  const session = await api.post<LogSession>(`/apps/${seg(app)}/log-sessions`, { lines: 100, tail: true });
  const source = new EventSource(session.logplex_url);
  source.onmessage = (event: MessageEvent<string>) => onLine(event.data);
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) onError('The log stream ended.');
  };
  return () => source.close();
}
