/**
 * The small `{id, name}` references every Heroku resource embeds, and the region object.
 */
import { createHash } from 'node:crypto';
import type { Ref, Region } from '@cove/schema';
import type { AppRecord, TeamRecord, UserRecord } from '../store/records.js';
import type { Store } from '../store/sqlite/sqlite-store.js';

/** A stable UUID-shaped id derived from a name (regions and stacks have no rows). */
export function nameUuid(kind: string, name: string): string {
  const h = createHash('sha1').update(`cove:${kind}:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function regionRef(name: string): Ref {
  return { id: nameUuid('region', name), name };
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
  const user: UserRecord | undefined = store.tables.users.one('id = ?', [userId]);
  return { id: userId, email: user?.email ?? 'unknown@cove.local' };
}
