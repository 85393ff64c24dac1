/**
 * Log drains (Heroku's log-drain resource): up to five per app, and one per space carrying
 * every app of the space. The domain only records drains; the drain forwarder
 * (controlplane/logs) delivers lines.
 */
import { randomUUID } from 'node:crypto';
import { InvalidParamsError, NotFoundError, UnprocessableError } from '../../shared/errors.js';
import { logApiAction } from './api-log.js';
/** Heroku's limit of drains per app (Cedar). */
export const MAX_DRAINS_PER_APP = 5;
/** The schemes the forwarder delivers to. */
const SCHEMES = ['syslog:', 'syslog+tls:', 'https:', 'http:'];
/** Checks a drain URL; returns it normalised. */
export function validateDrainUrl(value) {
    if (typeof value !== 'string' || value.trim() === '')
        throw new InvalidParamsError('Url must be a syslog://, syslog+tls:// or https:// URL.');
    let url;
    try {
        url = new URL(value.trim());
    }
    catch {
        throw new InvalidParamsError(`Url "${value}" is invalid: expected syslog://host:port, syslog+tls://host:port or https://host/path.`);
    }
    if (!SCHEMES.includes(url.protocol)) {
        throw new InvalidParamsError(`Url scheme "${url.protocol.replace(/:$/, '')}" is not supported: use syslog, syslog+tls or https.`);
    }
    if (url.hostname === '')
        throw new InvalidParamsError(`Url "${value}" has no host.`);
    if (url.protocol.startsWith('syslog') && url.port === '')
        throw new InvalidParamsError(`Url "${value}" needs a port: syslog://host:port.`);
    return url.protocol.startsWith('syslog') ? `${url.protocol}//${url.host}` : url.href;
}
function newDrain(url, owner) {
    const now = new Date().toISOString();
    return {
        id: randomUUID(),
        appId: 'appId' in owner ? owner.appId : null,
        spaceId: 'spaceId' in owner ? owner.spaceId : null,
        url,
        token: `d.${randomUUID()}`,
        createdAt: now,
        updatedAt: now,
    };
}
/** A space's drain from `POST /spaces` `log_drain_url` (Heroku's Private Space Logging is set at creation). */
export function insertSpaceDrain(store, spaceId, url) {
    return store.logDrains.insert(newDrain(url, { spaceId }));
}
/** Adds a drain (URL already validated) to the app: each URL once, at most MAX_DRAINS_PER_APP. */
export function addAppDrain(store, app, user, url) {
    const existing = store.logDrains.ofApp(app.id);
    if (existing.some((d) => d.url === url))
        throw new InvalidParamsError('Url has already been taken', 'log_drain');
    if (existing.length >= MAX_DRAINS_PER_APP) {
        throw new UnprocessableError(`App ${app.name} already has ${MAX_DRAINS_PER_APP} log drains, the most an app can have.`, 'log_drain');
    }
    const drain = store.logDrains.insert(newDrain(url, { appId: app.id }));
    logApiAction(store, app, user, `Add log drain ${drain.token}`);
    store.changed();
    return drain;
}
/** The app's drain by id, token or URL; 404 when there is none. */
export function findAppDrain(store, app, query) {
    const drain = store.logDrains.findOfApp(app.id, query);
    if (drain === undefined)
        throw new NotFoundError('log_drain', query);
    return drain;
}
/** Removes the app's drain named by id, token or URL; returns it. */
export function removeAppDrain(store, app, user, query) {
    const drain = findAppDrain(store, app, query);
    store.logDrains.remove(drain.id);
    logApiAction(store, app, user, `Remove log drain ${drain.token}`);
    store.changed();
    return drain;
}
/** The space's drain; 404 when it has none. */
export function findSpaceDrain(store, space) {
    const drain = store.logDrains.ofSpace(space.id);
    if (drain === undefined)
        throw new NotFoundError('log_drain', space.name);
    return drain;
}
/** Sets the space's drain (URL already validated), adding it or pointing it elsewhere. */
export function setSpaceDrain(store, space, url) {
    const existing = store.logDrains.ofSpace(space.id);
    let drain;
    if (existing === undefined) {
        drain = insertSpaceDrain(store, space.id, url);
    }
    else {
        const updatedAt = new Date().toISOString();
        store.logDrains.setUrl(existing.id, url, updatedAt);
        drain = { ...existing, url, updatedAt };
    }
    store.changed();
    return drain;
}
//# sourceMappingURL=log-drains.js.map