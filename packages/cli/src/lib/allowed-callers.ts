/**
 * Reading, printing and editing an internal app's caller list (`/apps/:app/allowed-callers`,
 * beyond Heroku): only dynos of the listed apps, and of the app itself, may call it.
 */
import { seg, type ApiClient } from './api-client.js';
import { ApiError } from './api-error.js';
import { CliError } from './cli-error.js';
import { appLabel, styledHeader } from './styled.js';

export interface AllowedCallers {
  id: string;
  app: { id: string; name: string };
  apps: { id: string; name: string }[];
  created_at: string;
  created_by: string;
}

/** The app's caller list; null when it has none (every app of its space may call it). */
export async function getCallers(api: ApiClient, app: string): Promise<AllowedCallers | null> {
  try {
    return await api.get<AllowedCallers>(`/apps/${seg(app)}/allowed-callers`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && error.resource === 'allowed_callers') return null;
    throw error;
  }
}

/** PUTs the list: fetched entries by id (their names may have changed meanwhile), new ones as typed. */
export async function putCallers(api: ApiClient, app: string, apps: readonly (string | { id: string })[]): Promise<AllowedCallers> {
  return api.put<AllowedCallers>(`/apps/${seg(app)}/allowed-callers`, { apps: apps.map((a) => (typeof a === 'string' ? a : a.id)) });
}

function isListed(list: AllowedCallers, caller: string): boolean {
  return list.apps.some((a) => a.name === caller || a.id === caller);
}

export function withCallerAdded(list: AllowedCallers | null, caller: string): (string | { id: string })[] {
  if (list !== null && isListed(list, caller)) throw new CliError(`${caller} is already allowed to call ${appLabel(list.app.name)}.`);
  return [...(list?.apps ?? []), caller];
}

export function withCallerRemoved(list: AllowedCallers | null, app: string, caller: string): { id: string }[] {
  if (list === null) throw new CliError(`${appLabel(app)} has no caller list: every app of its space may call it. Nothing to do.`);
  if (!isListed(list, caller)) throw new CliError(`${caller} is not on the caller list of ${appLabel(list.app.name)}.`);
  return list.apps.filter((a) => a.name !== caller && a.id !== caller);
}

export function callersText(app: string, list: AllowedCallers | null): string {
  const lines = [styledHeader(`${appLabel(app)} Allowed Callers`)];
  if (list === null) lines.push(`${appLabel(app)} has no caller list. Every app of its space may call it.`);
  else if (list.apps.length === 0) lines.push(`${appLabel(app)} allows no other app to call it.`);
  else lines.push(...list.apps.map((a) => a.name));
  return lines.join('\n');
}
