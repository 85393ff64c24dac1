/**
 * One-off dynos: what `POST /apps/:app/dynos` records, how `ps:stop` removes one, and how a
 * rendezvous secret is claimed (once) by the session that attaches.
 */
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { ConflictError } from '../../shared/errors.js';
/** Heroku's limit on `time_to_live` (and its default): 24 hours. */
export const MAX_TIME_TO_LIVE_SECONDS = 86_400;
export function hashSecret(secret) {
    return createHash('sha256').update(secret).digest('hex');
}
/**
 * Records a one-off dyno `<type>.<random number>` at the app's current release; a 409 (which
 * the heroku CLI retries) while no release with an uploaded slug is live.
 */
export function createOneOffDyno(store, app, request) {
    const release = store.releases.current(app.id);
    const slug = release?.slugId == null ? undefined : store.releases.slug(release.slugId);
    if (release === undefined || slug === undefined || !slug.uploaded) {
        throw new ConflictError(`No release of ${app.name} is ready to run yet: deploy the app first.`, 'release');
    }
    const secret = request.attach ? randomBytes(32).toString('hex') : null;
    const taken = new Set(store.oneOffDynos.ofApp(app.id).map((d) => d.name));
    let number = randomInt(1000, 10_000);
    while (taken.has(`${request.type}.${number}`))
        number = randomInt(1000, 10_000);
    const now = new Date();
    const record = store.oneOffDynos.insert({
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
    store.changed();
    return { record, secret, release };
}
/** Removes the app's one-off dyno named `name` (the reconciler stops it); false when none. */
export function stopOneOffDyno(store, app, name) {
    const removed = store.oneOffDynos.removeOfApp(app.id, name);
    if (removed)
        store.changed();
    return removed;
}
/** Forgets a one-off dyno by id (its session went away): it is never started again. */
export function forgetOneOffDyno(store, dynoId) {
    if (store.oneOffDynos.remove(dynoId))
        store.changed();
}
/** The one-off dyno an attach secret opens; the secret is spent by the call. */
export function claimRendezvousSecret(store, secret) {
    if (!/^[0-9a-f]{64}$/.test(secret))
        return null;
    const record = store.oneOffDynos.claimSecret(hashSecret(secret), new Date().toISOString());
    return record === undefined ? null : { dynoId: record.id, tty: record.tty };
}
//# sourceMappingURL=one-off-dynos.js.map