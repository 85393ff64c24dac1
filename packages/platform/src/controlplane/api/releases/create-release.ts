/**
 * Making a release: every deploy, config change and rollback goes through here, so every
 * change creates a release (the heroku CLI needs one after `config:set`). A release with a
 * slug also brings the formation in line with the slug's process types. Each release writes its
 * `app[api]` lines (`Set X config vars by user …`, `Release v3 created by user …`).
 *
 * Release phase: when the slug declares a `release` process type, the release starts
 * `pending` (the current release keeps serving); the reconciler runs the command once in a
 * one-off dyno and calls finishRelease(), which makes it current or marks it failed.
 */
import { randomUUID } from 'node:crypto';
import type { AppRecord, ReleaseRecord, UserRecord } from '../../store/records.js';
import type { Store } from '../../store/sqlite/sqlite-store.js';
import { defaultDynoSize } from '../../../shared/dyno-sizes.js';
import { logApiAction } from '../api-log.js';

/** The process type Heroku runs once per release, before it goes live. */
export const RELEASE_PROCESS_TYPE = 'release';

export function createRelease(
  store: Store,
  app: AppRecord,
  user: UserRecord,
  change: { description: string; slugId: string | null; config: Record<string, string> },
): ReleaseRecord {
  const releasePhase = change.slugId !== null && store.tables.slugs.one('id = ?', [change.slugId])?.processTypes[RELEASE_PROCESS_TYPE] !== undefined;
  const release = store.transaction(() => {
    const now = new Date().toISOString();
    const record: ReleaseRecord = {
      id: randomUUID(),
      appId: app.id,
      version: store.nextReleaseVersion(app.id),
      description: change.description,
      status: releasePhase ? 'pending' : 'succeeded',
      userId: user.id,
      slugId: change.slugId,
      config: change.config,
      createdAt: now,
      updatedAt: now,
    };
    store.tables.releases.insert(record);
    // Config vars read back at once (a second config:set builds on the first); a pending
    // release's slug and formation wait for its release phase, and a failure reverts the config.
    store.tables.apps.update({ config: change.config, ...(releasePhase ? {} : { releasedAt: now }), updatedAt: now }, 'id = ?', [app.id]);
    if (change.slugId !== null && !releasePhase) syncFormation(store, app, change.slugId, now);
    logApiAction(store, app, user, change.description);
    logApiAction(store, app, user, `Release v${record.version} created`);
    return record;
  });
  store.changed();
  return release;
}

/**
 * Ends a release's release phase: succeeded makes it current (and syncs the formation); failed
 * puts the app's config vars back to the live release's, unless a newer release has been made.
 */
export function finishRelease(store: Store, release: ReleaseRecord, status: 'succeeded' | 'failed'): void {
  store.transaction(() => {
    const now = new Date().toISOString();
    store.tables.releases.update({ status, updatedAt: now }, 'id = ? AND status = ?', [release.id, 'pending']);
    const app = store.tables.apps.one('id = ?', [release.appId]);
    if (app === undefined) return;
    const newest = store.tables.releases.one('app_id = ? ORDER BY version DESC', [app.id])?.id === release.id;
    if (status === 'succeeded') {
      store.tables.apps.update({ ...(newest ? { config: release.config } : {}), releasedAt: now, updatedAt: now }, 'id = ?', [app.id]);
      if (release.slugId !== null) syncFormation(store, app, release.slugId, now);
    } else if (newest) {
      store.tables.apps.update({ config: store.currentRelease(app.id)?.config ?? {}, updatedAt: now }, 'id = ?', [app.id]);
    }
  });
  store.changed();
}

function syncFormation(store: Store, app: AppRecord, slugId: string, now: string): void {
  const slug = store.tables.slugs.one('id = ?', [slugId]);
  if (slug === undefined) return;
  const existing = store.tables.formations.select('app_id = ?', [app.id]);
  const firstDeploy = existing.length === 0;
  for (const [type, command] of Object.entries(slug.processTypes)) {
    if (type === RELEASE_PROCESS_TYPE) continue;
    const row = existing.find((f) => f.type === type);
    if (row === undefined) {
      store.tables.formations.insert({
        id: randomUUID(),
        appId: app.id,
        type,
        quantity: firstDeploy && type === 'web' ? 1 : 0,
        size: defaultDynoSize(app.spaceId !== null),
        command,
        restartEpoch: 0,
        dynoEpochs: {},
        createdAt: now,
        updatedAt: now,
      });
    } else if (row.command !== command) {
      store.tables.formations.update({ command, updatedAt: now }, 'id = ?', [row.id]);
    }
  }
  for (const row of existing) {
    if (!(row.type in slug.processTypes) || row.type === RELEASE_PROCESS_TYPE) store.tables.formations.delete('id = ?', [row.id]);
  }
}
