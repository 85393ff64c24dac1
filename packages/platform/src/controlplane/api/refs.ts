/**
 * The small `{id, name}` references every Heroku resource embeds, and the region object.
 */
import type { Ref, Region } from '@cove/schema';
import { nameUuid, regionId } from '../domain/name-uuid.js';
import type { AppRecord, TeamRecord } from '../store/records.js';
import type { Store } from '../store/store.js';

export function regionRef(name: string): Ref {
  return { id: regionId(name), name };
}

const EPOCH = '2026-01-01T00:00:00Z';

export function regionObject(name: string): Region {
  return {
    ...regionRef(name),
    description: `Cove region ${name} (this host)`,
    country: '',
    locale: name,
    private_capable: true,
    provider: { name: 'cove', region: name },
    created_at: EPOCH,
    updated_at: EPOCH,
  };
}

export function stackRef(name: string): Ref {
  return { id: nameUuid('stack', name), name };
}

export function teamRef(team: TeamRecord): Ref {
  return { id: team.id, name: team.name };
}

export function appRef(app: AppRecord): Ref {
  return { id: app.id, name: app.name };
}

export function userRef(store: Store, userId: string): { id: string; email: string } {
  const user = store.accounts.byId(userId);
  return { id: userId, email: user?.email ?? 'unknown@cove.local' };
}
