import { sizeLimits } from '../../shared/dyno-sizes.js';
import { dynoSlug } from '../blobs/slug-blob-url.js';
import { BOOT_TIMEOUT_SECONDS } from './desired-dynos.js';
/** How long an attached dyno waits for its session to claim the rendezvous secret. */
export const ATTACH_CLAIM_TIMEOUT_MS = 60_000;
/** Drops one-off records whose dyno has ended, vanished, expired or was never attached to. */
export function settleOneOffDynos(oneOffDynos, actual, now = Date.now()) {
    const byId = new Map(actual.map((d) => [d.id, d]));
    for (const record of oneOffDynos.all()) {
        const status = byId.get(record.id);
        const finished = status !== undefined && status.state !== 'starting' && status.state !== 'up';
        const vanished = status === undefined && record.state === 'started';
        const unclaimed = record.attach && record.secretHash !== null && Date.parse(record.createdAt) + ATTACH_CLAIM_TIMEOUT_MS <= now;
        // One at a time: each is idempotent, and a crash midway leaves the rest for the next pass.
        if (finished || vanished || unclaimed || Date.parse(record.expiresAt) <= now)
            oneOffDynos.remove(record.id);
    }
}
/** Specs of the one-off dynos that should run. */
export function desiredOneOffDynos(store, options) {
    const specs = [];
    for (const record of store.oneOffDynos.all()) {
        const app = store.apps.byId(record.appId);
        if (app === undefined)
            continue;
        // Apps outside a space run in the shared default network (no zones).
        const healthy = app.spaceId === null ? null : options.readySpaces.get(app.spaceId);
        if (healthy === undefined || healthy?.length === 0)
            continue;
        const release = store.releases.byId(record.releaseId);
        const slug = release?.slugId == null ? undefined : store.releases.slug(release.slugId);
        if (release === undefined || slug === undefined || !slug.uploaded)
            continue;
        const [type] = record.name.split('.');
        specs.push({
            id: record.id,
            appId: app.id,
            appName: app.name,
            spaceId: app.spaceId,
            zone: healthy === null ? null : (healthy[record.number % healthy.length] ?? null),
            type: type ?? 'run',
            number: record.number,
            name: record.name,
            releaseId: release.id,
            releaseVersion: release.version,
            command: record.command,
            env: { ...release.config, ...record.env },
            size: record.size,
            limits: sizeLimits(record.size),
            slug: dynoSlug(options.slugBlobs, slug),
            restart: 'never',
            listens: false,
            bootTimeoutSeconds: BOOT_TIMEOUT_SECONDS,
            ...(record.attach ? { attach: { tty: record.tty, columns: record.columns, lines: record.lines } } : {}),
        });
    }
    return specs;
}
//# sourceMappingURL=one-off-dynos.js.map