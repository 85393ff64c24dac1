/**
 * An internal app's caller list (beyond Heroku): `GET/PUT/DELETE /apps/:app/allowed-callers`.
 * Without one (404 on GET, the default) every app of the space may call the app on its space's
 * internal router, as on Heroku. With one, only dynos (any process type, one-off and release
 * dynos too) of the listed apps, and of the app itself, may; the router refuses others with a
 * 403. An empty list leaves only the app itself.
 *
 * PUT takes `{"apps": [...]}` with app names or ids, or the `{id, name}` references GET
 * returns, and replaces the whole list. Only internal-routing apps in a space have one; every
 * listed app must be an app of the same space. Deleting a listed app removes it from the lists
 * (the store cascades).
 */
import { randomUUID } from 'node:crypto';
import { InvalidParamsError, NotFoundError, UnprocessableError } from '../../../shared/errors.js';
import type { AppCallerListRecord, AppRecord, UserRecord } from '../../store/records.js';
import type { Store } from '../../store/sqlite/sqlite-store.js';
import { canViewApp, manageableApp, visibleApp } from '../access.js';
import type { ApiContext } from '../api-context.js';
import { bodyObject, type ApiServer } from '../build-api.js';
import { appRef } from '../refs.js';

type AppParams = { Params: { app: string } };

/** More than any space should need; keeps a typo'd script from writing a huge list. */
const MAX_CALLERS = 500;

function serialize(store: Store, app: AppRecord, list: AppCallerListRecord): Record<string, unknown> {
  const ids = new Set(store.tables.appAllowedCallers.select('app_id = ?', [app.id]).map((c) => c.callerAppId));
  const apps = store.tables.apps
    .select('')
    .filter((a) => ids.has(a.id))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(appRef);
  return { id: list.id, app: appRef(app), apps, created_at: list.createdAt, created_by: list.createdBy };
}

/** The app, if it can have a caller list: internal routing, in a space. */
function internalApp(store: Store, app: AppRecord): string {
  if (app.spaceId === null) {
    throw new UnprocessableError(`App ${app.name} is not in a space. Allowed callers are only available for internal-routing apps of a space.`, 'app');
  }
  if (app.internalRouting !== true) {
    throw new UnprocessableError(
      `App ${app.name} is not an internal-routing app. Allowed callers only apply to internal routing; use the app's inbound ruleset for public traffic.`,
      'app',
    );
  }
  return app.spaceId;
}

/** `apps` of a PUT body → the ids of the listed apps, each checked to be an app of `spaceId`. */
function callerIds(store: Store, user: UserRecord, app: AppRecord, spaceId: string, value: unknown): string[] {
  if (!Array.isArray(value)) throw new InvalidParamsError('apps must be a list of app names or ids.', 'app');
  if (value.length > MAX_CALLERS) throw new InvalidParamsError(`apps may list at most ${MAX_CALLERS} apps.`, 'app');
  const ids = new Set<string>();
  for (const entry of value as unknown[]) {
    const ref = typeof entry === 'string' ? entry : refOf(entry);
    if (ref === undefined || ref.trim() === '') {
      throw new InvalidParamsError(`apps must be a list of app names or ids, got ${JSON.stringify(entry)}.`, 'app');
    }
    const caller = store.findApp(ref.trim());
    if (caller === undefined || !canViewApp(store, user, caller)) {
      throw new InvalidParamsError(`Couldn't find app "${ref}" to allow as a caller.`, 'app');
    }
    if (caller.spaceId !== spaceId) {
      const space = store.tables.spaces.one('id = ?', [spaceId])?.name ?? spaceId;
      throw new InvalidParamsError(`App ${caller.name} is not in space ${space}: only apps of the same space can call ${app.name}.`, 'app');
    }
    ids.add(caller.id);
  }
  return [...ids];
}

/** A `{id}` or `{name}` reference (what GET returns), for PUTting a fetched list back. */
function refOf(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { id, name } = entry as Record<string, unknown>;
  if (typeof id === 'string') return id;
  return typeof name === 'string' ? name : undefined;
}

export function registerAppAllowedCallersRoutes(app: ApiServer, { store }: ApiContext): void {
  app.get<AppParams>('/apps/:app/allowed-callers', async (request) => {
    const record = visibleApp(store, request.user, request.params.app);
    const list = store.tables.appCallerLists.one('app_id = ?', [record.id]);
    if (list === undefined) throw new NotFoundError('allowed_callers', record.name);
    return serialize(store, record, list);
  });

  app.put<AppParams>('/apps/:app/allowed-callers', async (request) => {
    const record = manageableApp(store, request.user, request.params.app);
    const spaceId = internalApp(store, record);
    const ids = callerIds(store, request.user, record, spaceId, bodyObject(request)['apps']);
    const list = { appId: record.id, id: randomUUID(), createdAt: new Date().toISOString(), createdBy: request.user.email };
    store.transaction(() => {
      store.tables.appCallerLists.delete('app_id = ?', [record.id]);
      store.tables.appCallerLists.insert(list);
      for (const callerAppId of ids) store.tables.appAllowedCallers.insert({ appId: record.id, callerAppId });
    });
    store.changed();
    return serialize(store, record, list);
  });

  app.delete<AppParams>('/apps/:app/allowed-callers', async (request) => {
    const record = manageableApp(store, request.user, request.params.app);
    const list = store.tables.appCallerLists.one('app_id = ?', [record.id]);
    if (list === undefined) throw new NotFoundError('allowed_callers', record.name);
    const body = serialize(store, record, list);
    store.tables.appCallerLists.delete('app_id = ?', [record.id]);
    store.changed();
    return body;
  });
}
