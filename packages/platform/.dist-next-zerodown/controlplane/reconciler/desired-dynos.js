/**
 * What should run, computed from the store: for every app with a live slug, each process
 * type's quantity of dynos at that release, placed in zones of the app's space. A dyno's id
 * is a digest of everything that defines it (release, config, command, size, zone, restart
 * epochs), so any change gives a new id and the reconciler replaces the dyno.
 */
import { createHash } from 'node:crypto';
import { sizeLimits } from '../../shared/dyno-sizes.js';
import { dynoSlug } from '../blobs/slug-blob-url.js';
import { placeDynos } from './place-dynos.js';
/** Seconds a web dyno may take to bind $PORT (Heroku's default boot timeout). */
export const BOOT_TIMEOUT_SECONDS = 60;
export function digestId(parts) {
    const h = createHash('sha256').update(JSON.stringify(parts)).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
export function desiredDynos(store, options) {
    const specs = [];
    for (const app of store.apps.list()) {
        if (app.spaceId !== null && !options.readySpaces.has(app.spaceId))
            continue;
        const release = store.releases.current(app.id);
        if (release?.slugId == null)
            continue;
        const slug = store.releases.slug(release.slugId);
        if (slug === undefined || !slug.uploaded)
            continue;
        for (const formation of store.formations.list(app.id)) {
            const numbers = Array.from({ length: formation.quantity }, (_, i) => i + 1);
            const healthy = app.spaceId === null ? [] : options.readySpaces.get(app.spaceId) ?? [];
            const current = new Map(numbers.map((n) => [n, options.currentZones.get(`${app.id}/${formation.type}.${n}`) ?? null]));
            const zones = app.spaceId === null ? null : placeDynos(numbers, current, healthy);
            for (const n of numbers) {
                const zone = zones === null ? null : zones.get(n) ?? null;
                if (zones !== null && zone === null)
                    continue;
                const identity = [app.id, formation.type, n, release.id, formation.size, formation.command, formation.restartEpoch, formation.dynoEpochs[String(n)] ?? 0, zone];
                specs.push({
                    id: digestId(identity),
                    appId: app.id,
                    appName: app.name,
                    spaceId: app.spaceId,
                    zone,
                    type: formation.type,
                    number: n,
                    name: `${formation.type}.${n}`,
                    releaseId: release.id,
                    releaseVersion: release.version,
                    command: formation.command,
                    env: release.config,
                    size: formation.size,
                    limits: sizeLimits(formation.size),
                    slug: dynoSlug(options.slugBlobs, slug),
                    restart: 'always',
                    listens: formation.type === 'web',
                    bootTimeoutSeconds: BOOT_TIMEOUT_SECONDS,
                });
            }
        }
    }
    return specs;
}
//# sourceMappingURL=desired-dynos.js.map