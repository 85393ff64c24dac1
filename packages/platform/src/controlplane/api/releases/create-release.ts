/**
 * Making a release: every deploy, config change and rollback goes through here, so every
 * change creates a release (the heroku CLI needs one after `config:set`). A release with a
 * slug also brings the formation in line with the slug's process types. Each release writes its
 * `app[api]` lines (`Set X config vars by user …`, `Release v3 created by user …`).
 */
import { randomUUID } from 'node:crypto';
import type { AppRecord, ReleaseRecord, UserRecord } from '../../store/records.js';
import type { Store } from '../../store/sqlite/sqlite-store.js';
import { defaultDynoSize } from '../../../shared/dyno-sizes.js';
import { logApiAction } from '../api-log.js';

export function createRelease(
  store: Store,
  app: AppRecord,
  user: UserRecord,
  change: { description: string; slugId: string | null; config: Record<string, string> },
): ReleaseRecord {
  const release = store.transaction(() => {
    const now = new Date().toISOString();
    const record: ReleaseRecord = {
      id: randomUUID(),
      appId: app.id,
      version: store.nextReleaseVersion(app.id),
      description: change.description,
      status: 'succeeded',
      userId: user.id,
      slugId: change.slugId,
      config: change.config,
      createdAt: now,
      updatedAt: now,
    };
    store.releases.insert(record);
    store.apps.update({ config: change.config, releasedAt: now, updatedAt: now }, 'id = ?', [app.id]);
    if (change.slugId !== null) syncFormation(store, app, change.slugId, now);
    logApiAction(store, app, user, change.description);
    logApiAction(store, app, user, `Release v${record.version} created`);
    return record;
  });
  store.changed();
  return release;
}

function syncFormation(store: Store, app: AppRecord, slugId: string, now: string): void {
  const slug = store.slugs.one('id = ?', [slugId]);
  if (slug === undefined) return;
  const existing = store.formations.select('app_id = ?', [app.id]);
  const firstDeploy = existing.length === 0;
  for (const [type, command] of Object.entries(slug.processTypes)) {
    const row = existing.find((f) => f.type === type);
    if (row === undefined) {
      store.formations.insert({
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
      store.formations.update({ command, updatedAt: now }, 'id = ?', [row.id]);
    }
  }
  for (const row of existing) {
    if (!(row.type in slug.processTypes)) store.formations.delete('id = ?', [row.id]);
  }
}
