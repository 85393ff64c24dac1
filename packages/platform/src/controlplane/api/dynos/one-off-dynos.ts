/**
 * One-off dynos in the store: what the API records for `POST /apps/:app/dynos`, how `ps:stop`
 * removes one, and how a rendezvous secret is claimed (once) by the session that attaches.
 */
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { AppRecord, OneOffDynoRecord, ReleaseRecord } from '../../store/records.js';
import type { Store } from '../../store/sqlite/sqlite-store.js';

/** Heroku's limit on `time_to_live` (and its default): 24 hours. */
export const MAX_TIME_TO_LIVE_SECONDS = 86_400;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export interface OneOffRequest {
  readonly type: string;
  readonly command: string;
  readonly size: string;
  readonly env: Record<string, string>;
  readonly attach: boolean;
  readonly tty: boolean;
  readonly columns: number | null;
  readonly lines: number | null;
  readonly timeToLiveSeconds: number;
}

/** Records a one-off dyno `<type>.<random number>`; returns it and, when attached, its secret. */
export function createOneOffDyno(store: Store, app: AppRecord, release: ReleaseRecord, request: OneOffRequest): { record: OneOffDynoRecord; secret: string | null } {
  const secret = request.attach ? randomBytes(32).toString('hex') : null;
  const record = store.transaction(() => {
    const taken = new Set(store.tables.oneOffDynos.select('app_id = ?', [app.id]).map((d) => d.name));
    let number = randomInt(1000, 10_000);
    while (taken.has(`${request.type}.${number}`)) number = randomInt(1000, 10_000);
    const now = new Date();
    return store.tables.oneOffDynos.insert({
      id: randomUUID(),
      appId: app.id,
      number,
      name: `${request.type}.${number}`,
      command: request.command,
      size: request.size,
      env: request.env,
      attach: request.attach,
      tty: request.tty,
      columns: request.columns,
      lines: request.lines,
      releaseId: release.id,
      secretHash: secret === null ? null : hashSecret(secret),
      state: 'pending',
      expiresAt: new Date(now.getTime() + request.timeToLiveSeconds * 1000).toISOString(),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
  });
  store.changed();
  return { record, secret };
}

/** Removes the app's one-off dyno named `name` (the reconciler stops it); false when none. */
export function stopOneOffDyno(store: Store, app: AppRecord, name: string): boolean {
  const removed = store.tables.oneOffDynos.delete('app_id = ? AND (name = ? OR id = ?)', [app.id, name, name]) > 0;
  if (removed) store.changed();
  return removed;
}

/** Forgets a one-off dyno by id (its session went away): it is never started again. */
export function forgetOneOffDyno(store: Store, dynoId: string): void {
  if (store.tables.oneOffDynos.delete('id = ?', [dynoId]) > 0) store.changed();
}

/** The one-off dyno an attach secret opens; the secret is spent by the call. */
export function claimRendezvousSecret(store: Store, secret: string): { dynoId: string; tty: boolean } | null {
  if (!/^[0-9a-f]{64}$/.test(secret)) return null;
  return store.transaction(() => {
    const record = store.tables.oneOffDynos.one('secret_hash = ?', [hashSecret(secret)]);
    if (record === undefined) return null;
    store.tables.oneOffDynos.update({ secretHash: null, updatedAt: new Date().toISOString() }, 'id = ?', [record.id]);
    return { dynoId: record.id, tty: record.tty };
  });
}
