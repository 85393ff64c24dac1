/**
 * Releases: every deploy, config change and rollback goes through createRelease(), so every
 * change creates a release (the heroku CLI needs one after `config:set`). A release with a
 * slug also brings the formation in line with the slug's process types. Each release writes its
 * `app[api]` lines (`Set X config vars by user …`, `Release v3 created by user …`).
 *
 * Release phase: when the slug declares a `release` process type, the release starts
 * `pending` (the current release keeps serving); the reconciler runs the command once in a
 * one-off dyno and calls finishRelease(), which makes it current or marks it failed.
 */
import { randomUUID } from 'node:crypto';
import { defaultDynoSize } from '../../shared/dyno-sizes.js';
import { NotFoundError, UnprocessableError } from '../../shared/errors.js';
import { logApiAction } from './api-log.js';
/** The process type Heroku runs once per release, before it goes live. */
export const RELEASE_PROCESS_TYPE = 'release';
export function createRelease(store, app, user, change) {
    const releasePhase = change.slugId !== null && store.releases.slug(change.slugId)?.processTypes[RELEASE_PROCESS_TYPE] !== undefined;
    const now = new Date().toISOString();
    // Config vars read back at once (a second config:set builds on the first); a pending
    // release's slug and formation wait for its release phase, and a failure reverts the config.
    const release = store.releases.create({
        id: randomUUID(),
        appId: app.id,
        description: change.description,
        status: releasePhase ? 'pending' : 'succeeded',
        userId: user.id,
        slugId: change.slugId,
        config: change.config,
        createdAt: now,
        updatedAt: now,
    }, {
        app: { config: change.config, ...(releasePhase ? {} : { releasedAt: now }), updatedAt: now },
        formation: change.slugId !== null && !releasePhase ? formationChanges(store, app, change.slugId, now) : null,
    });
    logApiAction(store, app, user, change.description);
    logApiAction(store, app, user, `Release v${release.version} created`);
    store.changed();
    return release;
}
/**
 * Ends a release's release phase: succeeded makes it current (and syncs the formation); failed
 * puts the app's config vars back to the live release's, unless a newer release has been made.
 */
export function finishRelease(store, release, status) {
    const now = new Date().toISOString();
    const app = store.apps.byId(release.appId);
    let effects = { app: {}, formation: null };
    if (app !== undefined) {
        const newest = store.releases.newest(app.id)?.id === release.id;
        if (status === 'succeeded') {
            effects = {
                app: { ...(newest ? { config: release.config } : {}), releasedAt: now, updatedAt: now },
                formation: release.slugId === null ? null : formationChanges(store, app, release.slugId, now),
            };
        }
        else if (newest) {
            effects = { app: { config: store.releases.current(app.id)?.config ?? {}, updatedAt: now }, formation: null };
        }
    }
    store.releases.finish(release.id, status, now, effects);
    store.changed();
}
/** The app's release by id, or by version (`3`, `v3`); 404 when there is none. */
export function findRelease(store, app, idOrVersion) {
    const version = /^v?(\d+)$/.exec(idOrVersion);
    const release = version !== null ? store.releases.byVersion(app.id, Number(version[1])) : store.releases.byIdOfApp(app.id, idOrVersion);
    if (release === undefined)
        throw new NotFoundError('release', idOrVersion);
    return release;
}
/** Rolls back: a new release with the old release's slug and config vars. */
export function rollback(store, app, user, idOrVersion) {
    const target = findRelease(store, app, idOrVersion);
    if (target.status !== 'succeeded')
        throw new UnprocessableError(`Cannot roll back to v${target.version}: it did not succeed.`, 'release');
    return createRelease(store, app, user, { description: `Rollback to v${target.version}`, slugId: target.slugId, config: target.config });
}
/** Deploys an uploaded slug of the app with its current config vars. */
export function deploySlug(store, app, user, slugId, description) {
    const slug = store.releases.slugOfApp(app.id, slugId);
    if (slug === undefined)
        throw new NotFoundError('slug', slugId);
    if (!slug.uploaded)
        throw new UnprocessableError(`Slug ${slug.id} has not been uploaded yet: PUT the tarball to its blob URL first.`, 'slug');
    return createRelease(store, app, user, {
        description: description !== null && description !== '' ? description : `Deploy ${slug.commit?.slice(0, 7) ?? slug.id.slice(0, 8)}`,
        slugId: slug.id,
        config: app.config,
    });
}
/**
 * The formation a slug asks for: a row per process type (web starts at 1 on the first deploy,
 * others at 0), commands updated, types the slug no longer has removed.
 */
export function formationChanges(store, app, slugId, now) {
    const slug = store.releases.slug(slugId);
    if (slug === undefined)
        return null;
    const existing = store.formations.list(app.id);
    const firstDeploy = existing.length === 0;
    const insert = [];
    const setCommand = [];
    for (const [type, command] of Object.entries(slug.processTypes)) {
        if (type === RELEASE_PROCESS_TYPE)
            continue;
        const row = existing.find((f) => f.type === type);
        if (row === undefined) {
            insert.push({
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
        }
        else if (row.command !== command) {
            setCommand.push({ id: row.id, command });
        }
    }
    const remove = existing.filter((row) => !(row.type in slug.processTypes) || row.type === RELEASE_PROCESS_TYPE).map((row) => row.id);
    return { at: now, insert, setCommand, remove };
}
//# sourceMappingURL=releases.js.map