/**
 * Releases: list (Range on `version`, `order=desc`, `max`), info by id or version, config vars
 * at a release, and `POST /apps/:app/releases` with `{slug}` (deploy a slug) or `{release}`
 * (roll back: a new release with the old slug and config).
 */
import type { Release } from '@cove/schema';
import { InvalidParamsError, NotFoundError, UnprocessableError } from '../../../shared/errors.js';
import type { AppRecord, ReleaseRecord } from '../../store/records.js';
import type { Store } from '../../store/sqlite/sqlite-store.js';
import { manageableApp, visibleApp } from '../access.js';
import type { ApiContext } from '../api-context.js';
import { bodyObject, type ApiServer } from '../build-api.js';
import { paginate, parseRange } from '../range.js';
import { appRef, userRef } from '../refs.js';
import { createRelease } from './create-release.js';

export function serializeRelease(store: Store, app: AppRecord, release: ReleaseRecord, currentId: string | undefined): Release {
  return {
    id: release.id,
    version: release.version,
    description: release.description,
    status: release.status,
    current: release.id === currentId,
    eligible_for_rollback: release.status === 'succeeded',
    user: userRef(store, release.userId),
    app: appRef(app),
    addon_plan_names: [],
    slug: release.slugId === null ? null : { id: release.slugId },
    output_stream_url: null,
    created_at: release.createdAt,
    updated_at: release.updatedAt,
    extended: { slug_id: release.slugId, slug_uuid: release.slugId },
  };
}

function findRelease(store: Store, app: AppRecord, idOrVersion: string): ReleaseRecord {
  const version = /^v?(\d+)$/.exec(idOrVersion);
  const release =
    version !== null
      ? store.tables.releases.one('app_id = ? AND version = ?', [app.id, Number(version[1])])
      : store.tables.releases.one('app_id = ? AND id = ?', [app.id, idOrVersion]);
  if (release === undefined) throw new NotFoundError('release', idOrVersion);
  return release;
}

export function registerReleaseRoutes(app: ApiServer, { store }: ApiContext): void {
  app.get<{ Params: { app: string } }>('/apps/:app/releases', async (request, reply) => {
    const record = visibleApp(store, request.user, request.params.app);
    const range = parseRange(request.headers.range, ['version', 'id'], 'version');
    const all = store.tables.releases.select('app_id = ?', [record.id]);
    const currentId = store.currentRelease(record.id)?.id;
    const { page, nextRange } = paginate(all, range, (r) => (range.field === 'id' ? r.id : r.version));
    if (nextRange !== null) void reply.status(206).header('Next-Range', nextRange);
    return page.map((r) => serializeRelease(store, record, r, currentId));
  });

  app.get<{ Params: { app: string; release: string } }>('/apps/:app/releases/:release', async (request) => {
    const record = visibleApp(store, request.user, request.params.app);
    return serializeRelease(store, record, findRelease(store, record, request.params.release), store.currentRelease(record.id)?.id);
  });

  app.get<{ Params: { app: string; release: string } }>('/apps/:app/releases/:release/config-vars', async (request) => {
    const record = visibleApp(store, request.user, request.params.app);
    return findRelease(store, record, request.params.release).config;
  });

  app.post<{ Params: { app: string } }>('/apps/:app/releases', async (request, reply) => {
    const record = manageableApp(store, request.user, request.params.app);
    const body = bodyObject(request);
    let release: ReleaseRecord;
    if (body['release'] !== undefined) {
      if (typeof body['release'] !== 'string' && typeof body['release'] !== 'number') {
        throw new InvalidParamsError('release must be the id or version of the release to roll back to.');
      }
      const target = findRelease(store, record, String(body['release']));
      if (target.status !== 'succeeded') throw new UnprocessableError(`Cannot roll back to v${target.version}: it did not succeed.`, 'release');
      release = createRelease(store, record, request.user, {
        description: `Rollback to v${target.version}`,
        slugId: target.slugId,
        config: target.config,
      });
    } else if (body['slug'] !== undefined) {
      if (typeof body['slug'] !== 'string') throw new InvalidParamsError('slug must be the id of an uploaded slug.');
      const slug = store.tables.slugs.one('id = ? AND app_id = ?', [body['slug'], record.id]);
      if (slug === undefined) throw new NotFoundError('slug', body['slug']);
      if (!slug.uploaded) throw new UnprocessableError(`Slug ${slug.id} has not been uploaded yet: PUT the tarball to its blob URL first.`, 'slug');
      const description = typeof body['description'] === 'string' && body['description'] !== '' ? body['description'] : `Deploy ${slug.commit?.slice(0, 7) ?? slug.id.slice(0, 8)}`;
      release = createRelease(store, record, request.user, { description, slugId: slug.id, config: record.config });
    } else {
      throw new InvalidParamsError('Pass either slug (to deploy) or release (to roll back).');
    }
    return reply.status(201).send(serializeRelease(store, record, release, release.id));
  });
}
