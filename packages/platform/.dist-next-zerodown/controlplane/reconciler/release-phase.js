import { defaultDynoSize, sizeLimits } from '../../shared/dyno-sizes.js';
import { finishRelease, RELEASE_PROCESS_TYPE } from '../domain/releases.js';
import { dynoSlug } from '../blobs/slug-blob-url.js';
import { BOOT_TIMEOUT_SECONDS, digestId } from './desired-dynos.js';
/** Pending releases waiting for their release phase, newest per app; older ones fail. */
function pendingReleases(store) {
    const newest = new Map();
    for (const release of store.releases.pending()) {
        const latest = store.releases.newest(release.appId);
        if (newest.has(release.appId) || latest?.id !== release.id) {
            finishRelease(store, release, 'failed');
            continue;
        }
        newest.set(release.appId, release);
    }
    return [...newest.values()];
}
/** Marks pending releases whose release dyno has exited; true when one changed. */
export function settleReleasePhases(store, actual) {
    let changed = false;
    for (const dyno of actual) {
        if (dyno.type !== RELEASE_PROCESS_TYPE)
            continue;
        const exited = (dyno.exitCode !== undefined && dyno.exitCode !== null) || dyno.state === 'crashed';
        if (!exited)
            continue;
        const release = store.releases.byId(dyno.releaseId);
        if (release?.status !== 'pending')
            continue;
        finishRelease(store, release, dyno.exitCode === 0 ? 'succeeded' : 'failed');
        changed = true;
    }
    return changed;
}
/** The one-off dynos that run pending releases' release commands. */
export function releasePhaseDynos(store, options) {
    const specs = [];
    for (const release of pendingReleases(store)) {
        const app = store.apps.byId(release.appId);
        if (app === undefined || release.slugId === null)
            continue;
        if (app.spaceId !== null && !options.readySpaces.has(app.spaceId))
            continue;
        const slug = store.releases.slug(release.slugId);
        const command = slug?.processTypes[RELEASE_PROCESS_TYPE];
        if (slug === undefined || !slug.uploaded || command === undefined) {
            finishRelease(store, release, 'failed');
            continue;
        }
        const zone = app.spaceId === null ? null : (options.readySpaces.get(app.spaceId)?.[0] ?? null);
        if (app.spaceId !== null && zone === null)
            continue;
        const size = store.formations.ofType(app.id, 'web')?.size ?? defaultDynoSize(app.spaceId !== null);
        specs.push({
            id: digestId([app.id, RELEASE_PROCESS_TYPE, release.id]),
            appId: app.id,
            appName: app.name,
            spaceId: app.spaceId,
            zone,
            type: RELEASE_PROCESS_TYPE,
            number: release.version,
            name: `${RELEASE_PROCESS_TYPE}.${release.version}`,
            releaseId: release.id,
            releaseVersion: release.version,
            command,
            env: release.config,
            size,
            limits: sizeLimits(size),
            slug: dynoSlug(options.slugBlobs, slug),
            restart: 'never',
            listens: false,
            bootTimeoutSeconds: BOOT_TIMEOUT_SECONDS,
        });
    }
    return specs;
}
/** A release phase dyno that cannot start, for good, fails its release (a no-op for other dynos). */
export function failUnstartableReleasePhase(store, spec) {
    if (spec.type !== RELEASE_PROCESS_TYPE)
        return;
    const release = store.releases.byId(spec.releaseId);
    if (release?.status === 'pending')
        finishRelease(store, release, 'failed');
}
//# sourceMappingURL=release-phase.js.map