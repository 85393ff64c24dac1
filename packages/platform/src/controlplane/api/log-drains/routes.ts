/**
 * Log drains, Heroku's log-drain resource: `POST/GET /apps/:app/log-drains`,
 * `DELETE /apps/:app/log-drains/:url_or_id_or_token`, and one drain per space carrying every
 * app of the space (`GET/PUT /spaces/:space/log-drain`). The API only records drains; the
 * drain forwarder (controlplane/logs) delivers lines off the API's event loop.
 */
import { randomUUID } from 'node:crypto';
import type { LogDrain } from '@cove/schema';
import { InvalidParamsError, NotFoundError, UnprocessableError } from '../../../shared/errors.js';
import type { AppRecord, LogDrainRecord, SpaceRecord } from '../../store/records.js';
import type { Store } from '../../store/sqlite/sqlite-store.js';
import { adminSpace, manageableApp, visibleApp, visibleSpace } from '../access.js';
import type { ApiContext } from '../api-context.js';
import { logApiAction } from '../api-log.js';
import { bodyObject, type ApiServer } from '../build-api.js';
import { appRef } from '../refs.js';

/** Heroku's limit of drains per app (Cedar). */
export const MAX_DRAINS_PER_APP = 5;

/** The schemes the forwarder delivers to. */
const SCHEMES = ['syslog:', 'syslog+tls:', 'https:', 'http:'];

/** Checks a drain URL; returns it normalised. */
export function validateDrainUrl(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidParamsError('Url must be a syslog://, syslog+tls:// or https:// URL.');
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new InvalidParamsError(`Url "${value}" is invalid: expected syslog://host:port, syslog+tls://host:port or https://host/path.`);
  }
  if (!SCHEMES.includes(url.protocol)) {
    throw new InvalidParamsError(`Url scheme "${url.protocol.replace(/:$/, '')}" is not supported: use syslog, syslog+tls or https.`);
  }
  if (url.hostname === '') throw new InvalidParamsError(`Url "${value}" has no host.`);
  if (url.protocol.startsWith('syslog') && url.port === '') throw new InvalidParamsError(`Url "${value}" needs a port: syslog://host:port.`);
  return url.protocol.startsWith('syslog') ? `${url.protocol}//${url.host}` : url.href;
}

function serializeDrain(drain: LogDrainRecord, app: AppRecord | null, space: SpaceRecord | null): LogDrain {
  return {
    id: drain.id,
    url: drain.url,
    token: drain.token,
    addon: null,
    ...(app === null ? {} : { app: appRef(app) }),
    ...(space === null ? {} : { space: { id: space.id, name: space.name } }),
    created_at: drain.createdAt,
    updated_at: drain.updatedAt,
  };
}

function newDrain(url: string, owner: { appId: string } | { spaceId: string }): LogDrainRecord {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    appId: 'appId' in owner ? owner.appId : null,
    spaceId: 'spaceId' in owner ? owner.spaceId : null,
    url,
    token: `d.${randomUUID()}`,
    createdAt: now,
    updatedAt: now,
  };
}

/** A space's drain from `POST /spaces` `log_drain_url` (Heroku's Private Space Logging is set at creation). */
export function insertSpaceDrain(store: Store, spaceId: string, url: string): LogDrainRecord {
  const drain = newDrain(url, { spaceId });
  store.tables.logDrains.insert(drain);
  return drain;
}

export function registerLogDrainRoutes(app: ApiServer, { store }: ApiContext): void {
  app.get<{ Params: { app: string } }>('/apps/:app/log-drains', async (request) => {
    const record = visibleApp(store, request.user, request.params.app);
    return store.tables.logDrains.select('app_id = ?', [record.id], 'ORDER BY created_at').map((d) => serializeDrain(d, record, null));
  });

  app.post<{ Params: { app: string } }>('/apps/:app/log-drains', async (request, reply) => {
    const record = manageableApp(store, request.user, request.params.app);
    const url = validateDrainUrl(bodyObject(request)['url']);
    const drain = store.transaction(() => {
      const existing = store.tables.logDrains.select('app_id = ?', [record.id]);
      if (existing.some((d) => d.url === url)) throw new InvalidParamsError('Url has already been taken', 'log_drain');
      if (existing.length >= MAX_DRAINS_PER_APP) {
        throw new UnprocessableError(`App ${record.name} already has ${MAX_DRAINS_PER_APP} log drains, the most an app can have.`, 'log_drain');
      }
      const created = newDrain(url, { appId: record.id });
      store.tables.logDrains.insert(created);
      logApiAction(store, record, request.user, `Add log drain ${created.token}`);
      return created;
    });
    store.changed();
    return reply.status(201).send(serializeDrain(drain, record, null));
  });

  app.get<{ Params: { app: string; drain: string } }>('/apps/:app/log-drains/:drain', async (request) => {
    const record = visibleApp(store, request.user, request.params.app);
    return serializeDrain(findDrain(record, request.params.drain), record, null);
  });

  app.delete<{ Params: { app: string; drain: string } }>('/apps/:app/log-drains/:drain', async (request) => {
    const record = manageableApp(store, request.user, request.params.app);
    const drain = findDrain(record, request.params.drain);
    store.transaction(() => {
      store.tables.logDrains.delete('id = ?', [drain.id]);
      logApiAction(store, record, request.user, `Remove log drain ${drain.token}`);
    });
    store.changed();
    return serializeDrain(drain, record, null);
  });

  const findDrain = (record: AppRecord, query: string): LogDrainRecord => {
    const drain = store.tables.logDrains.one('app_id = ? AND (id = ? OR token = ? OR url = ?)', [record.id, query, query, query]);
    if (drain === undefined) throw new NotFoundError('log_drain', query);
    return drain;
  };

  app.get<{ Params: { space: string } }>('/spaces/:space/log-drain', async (request) => {
    const space = visibleSpace(store, request.user, request.params.space);
    const drain = store.tables.logDrains.one('space_id = ?', [space.id]);
    if (drain === undefined) throw new NotFoundError('log_drain', space.name);
    return serializeDrain(drain, null, space);
  });

  app.put<{ Params: { space: string } }>('/spaces/:space/log-drain', async (request) => {
    const space = adminSpace(store, request.user, request.params.space, 'set the log drain of');
    const url = validateDrainUrl(bodyObject(request)['url']);
    const drain = store.transaction(() => {
      const existing = store.tables.logDrains.one('space_id = ?', [space.id]);
      if (existing === undefined) return insertSpaceDrain(store, space.id, url);
      const updatedAt = new Date().toISOString();
      store.tables.logDrains.update({ url, updatedAt }, 'id = ?', [existing.id]);
      return { ...existing, url, updatedAt };
    });
    store.changed();
    return serializeDrain(drain, null, space);
  });
}
