/**
 * Formation and dynos: `GET /apps/:app/formation[/:type]`, batch `PATCH` with quantities as
 * numbers or strings (`"3"`, `"+1"`, `"-1"`) and sizes; dynos list and info; restarts (all,
 * per type, per dyno) and stops. The API records the wish (quantities, restart epochs); the
 * reconciler makes the dynos follow.
 */
import type { Formation } from '@cove/schema';
import { InvalidParamsError, NotFoundError } from '../../../shared/errors.js';
import type { AppRecord, FormationRecord, UserRecord } from '../../store/records.js';
import type { Store } from '../../store/sqlite/sqlite-store.js';
import { manageableApp, visibleApp } from '../access.js';
import type { ApiContext } from '../api-context.js';
import { logApiAction } from '../api-log.js';
import { bodyObject, type ApiServer } from '../build-api.js';
import { appRef } from '../refs.js';
import { validateDynoSize } from '../../../shared/dyno-sizes.js';
import { stopOneOffDyno } from '../dynos/one-off-dynos.js';
import { serializeDyno } from './serialize-dyno.js';

/** Heroku's limit on dynos of one process type. */
export const MAX_QUANTITY = 100;

function serializeFormation(app: AppRecord, f: FormationRecord): Formation {
  return {
    id: f.id,
    type: f.type,
    quantity: f.quantity,
    size: f.size,
    command: f.command,
    app: appRef(app),
    created_at: f.createdAt,
    updated_at: f.updatedAt,
  };
}

/** Resolves `3`, `"3"`, `"+1"`, `"-1"` against the current quantity. */
export function resolveQuantity(value: unknown, current: number, type: string): number {
  let next: number;
  if (typeof value === 'number' && Number.isInteger(value)) next = value;
  else if (typeof value === 'string' && /^[+-]?\d+$/.test(value.trim())) {
    const text = value.trim();
    next = text.startsWith('+') || text.startsWith('-') ? current + Number(text) : Number(text);
  } else {
    throw new InvalidParamsError(`Quantity for ${type} must be a whole number, or "+N"/"-N": got ${JSON.stringify(value)}.`);
  }
  if (next < 0) throw new InvalidParamsError(`Quantity for ${type} cannot be negative (would be ${next}).`);
  if (next > MAX_QUANTITY) throw new InvalidParamsError(`Quantity for ${type} cannot be more than ${MAX_QUANTITY}.`);
  return next;
}

function findFormation(store: Store, app: AppRecord, type: string): FormationRecord {
  const f = store.tables.formations.one('app_id = ? AND type = ?', [app.id, type]);
  if (f === undefined) throw new NotFoundError('formation', type);
  return f;
}

export function registerFormationRoutes(app: ApiServer, { store, options }: ApiContext): void {
  app.get<{ Params: { app: string } }>('/apps/:app/formation', async (request) => {
    const record = visibleApp(store, request.user, request.params.app);
    return store.tables.formations.select('app_id = ?', [record.id], 'ORDER BY type').map((f) => serializeFormation(record, f));
  });

  app.get<{ Params: { app: string; type: string } }>('/apps/:app/formation/:type', async (request) => {
    const record = visibleApp(store, request.user, request.params.app);
    return serializeFormation(record, findFormation(store, record, request.params.type));
  });

  const applyUpdates = (record: AppRecord, user: UserRecord, updates: unknown[]): FormationRecord[] => {
    const changed = store.transaction(() => {
      const now = new Date().toISOString();
      const out: FormationRecord[] = [];
      for (const raw of updates) {
        if (typeof raw !== 'object' || raw === null) throw new InvalidParamsError('Each update must be an object {type, quantity, size}.');
        const u = raw as Record<string, unknown>;
        if (typeof u['type'] !== 'string') throw new InvalidParamsError('Each update needs a process type.');
        const row = store.tables.formations.one('app_id = ? AND type = ?', [record.id, u['type']]);
        if (row === undefined) {
          throw new NotFoundError('formation', u['type']);
        }
        const patch: Partial<FormationRecord> = { updatedAt: now };
        if (u['quantity'] !== undefined) patch.quantity = resolveQuantity(u['quantity'], row.quantity, row.type);
        if (u['size'] !== undefined) patch.size = validateDynoSize(u['size'], record.spaceId !== null).name;
        store.tables.formations.update(patch, 'id = ?', [row.id]);
        out.push({ ...row, ...patch });
      }
      // Heroku's line names the whole formation after the change: `Scaled to web@2:Standard-1X by user …`.
      const all = store.tables.formations.select('app_id = ?', [record.id], 'ORDER BY type');
      logApiAction(store, record, user, `Scaled to ${all.map((f) => `${f.type}@${f.quantity}:${f.size}`).join(' ')}`);
      return out;
    });
    store.changed();
    return changed;
  };

  app.patch<{ Params: { app: string } }>('/apps/:app/formation', async (request) => {
    const record = manageableApp(store, request.user, request.params.app);
    const updates = bodyObject(request)['updates'];
    if (!Array.isArray(updates)) throw new InvalidParamsError('updates must be an array of {type, quantity, size}.');
    return applyUpdates(record, request.user, updates).map((f) => serializeFormation(record, f));
  });

  app.patch<{ Params: { app: string; type: string } }>('/apps/:app/formation/:type', async (request) => {
    const record = manageableApp(store, request.user, request.params.app);
    const [f] = applyUpdates(record, request.user, [{ ...bodyObject(request), type: request.params.type }]);
    if (f === undefined) throw new NotFoundError('formation', request.params.type);
    return serializeFormation(record, f);
  });

  app.get<{ Params: { app: string } }>('/apps/:app/dynos', async (request) => {
    const record = visibleApp(store, request.user, request.params.app);
    return store.tables.dynos.select('app_id = ?', [record.id], 'ORDER BY type, number').map((d) => serializeDyno(store, record, d, options.region));
  });

  app.get<{ Params: { app: string; dyno: string } }>('/apps/:app/dynos/:dyno', async (request) => {
    const record = visibleApp(store, request.user, request.params.app);
    const dyno = store.tables.dynos.one('app_id = ? AND (name = ? OR id = ?)', [record.id, request.params.dyno, request.params.dyno]);
    if (dyno === undefined) throw new NotFoundError('dyno', request.params.dyno);
    return serializeDyno(store, record, dyno, options.region);
  });

  /** Bumps restart epochs: the reconciler replaces the matching dynos. */
  const restart = (record: AppRecord, user: UserRecord, target: { type?: string; dyno?: string }, verb = 'Restart'): void => {
    // A one-off dyno is not brought back: restarting or stopping it ends it.
    if (target.dyno !== undefined && stopOneOffDyno(store, record, target.dyno)) {
      logApiAction(store, record, user, `Stop ${target.dyno}`);
      return;
    }
    store.transaction(() => {
      const now = new Date().toISOString();
      const logAction = (): void =>
        logApiAction(store, record, user, target.dyno === undefined && target.type === undefined ? `${verb} all dynos` : `${verb} ${target.dyno ?? target.type ?? ''}`);
      if (target.dyno !== undefined) {
        const m = /^([a-zA-Z0-9_-]+)\.(\d+)$/.exec(target.dyno);
        const row = m === null ? undefined : store.tables.formations.one('app_id = ? AND type = ?', [record.id, m[1]]);
        const n = Number(m?.[2]);
        if (row === undefined || !(n >= 1 && n <= row.quantity)) throw new NotFoundError('dyno', target.dyno);
        const epochs = { ...row.dynoEpochs, [String(n)]: (row.dynoEpochs[String(n)] ?? 0) + 1 };
        store.tables.formations.update({ dynoEpochs: epochs, updatedAt: now }, 'id = ?', [row.id]);
        logAction();
        return;
      }
      const rows = target.type === undefined ? store.tables.formations.select('app_id = ?', [record.id]) : [findFormation(store, record, target.type)];
      for (const row of rows) store.tables.formations.update({ restartEpoch: row.restartEpoch + 1, updatedAt: now }, 'id = ?', [row.id]);
      logAction();
    });
    store.changed();
  };

  app.delete<{ Params: { app: string } }>('/apps/:app/dynos', async (request, reply) => {
    restart(manageableApp(store, request.user, request.params.app), request.user, {});
    return reply.status(202).send({});
  });
  app.delete<{ Params: { app: string; dyno: string } }>('/apps/:app/dynos/:dyno', async (request, reply) => {
    restart(manageableApp(store, request.user, request.params.app), request.user, { dyno: request.params.dyno });
    return reply.status(202).send({});
  });
  app.delete<{ Params: { app: string; type: string } }>('/apps/:app/formations/:type', async (request, reply) => {
    restart(manageableApp(store, request.user, request.params.app), request.user, { type: request.params.type });
    return reply.status(202).send({});
  });
  // Stopping a formation dyno ends its process; the formation brings a fresh one up, as on Heroku.
  app.post<{ Params: { app: string; dyno: string } }>('/apps/:app/dynos/:dyno/actions/stop', async (request, reply) => {
    restart(manageableApp(store, request.user, request.params.app), request.user, { dyno: request.params.dyno }, 'Stop');
    return reply.status(202).send({});
  });
  app.post<{ Params: { app: string; type: string } }>('/apps/:app/formations/:type/actions/stop', async (request, reply) => {
    restart(manageableApp(store, request.user, request.params.app), request.user, { type: request.params.type }, 'Stop');
    return reply.status(202).send({});
  });
}
