/**
 * Formation: quantities (`3`, `"3"`, `"+1"`, `"-1"`), sizes and restarts (all, per type, per
 * dyno). The domain records the wish (quantities, restart epochs); the reconciler makes the
 * dynos follow.
 */
import { validateDynoSize } from '../../shared/dyno-sizes.js';
import { InvalidParamsError, NotFoundError } from '../../shared/errors.js';
import { logApiAction } from './api-log.js';
import { stopOneOffDyno } from './one-off-dynos.js';
/** Heroku's limit on dynos of one process type. */
export const MAX_QUANTITY = 100;
/** Resolves `3`, `"3"`, `"+1"`, `"-1"` against the current quantity. */
export function resolveQuantity(value, current, type) {
    let next;
    if (typeof value === 'number' && Number.isInteger(value))
        next = value;
    else if (typeof value === 'string' && /^[+-]?\d+$/.test(value.trim())) {
        const text = value.trim();
        next = text.startsWith('+') || text.startsWith('-') ? current + Number(text) : Number(text);
    }
    else {
        throw new InvalidParamsError(`Quantity for ${type} must be a whole number, or "+N"/"-N": got ${JSON.stringify(value)}.`);
    }
    if (next < 0)
        throw new InvalidParamsError(`Quantity for ${type} cannot be negative (would be ${next}).`);
    if (next > MAX_QUANTITY)
        throw new InvalidParamsError(`Quantity for ${type} cannot be more than ${MAX_QUANTITY}.`);
    return next;
}
/** The app's formation row of a process type; 404 when the app has no such type. */
export function findFormation(store, app, type) {
    const f = store.formations.ofType(app.id, type);
    if (f === undefined)
        throw new NotFoundError('formation', type);
    return f;
}
/**
 * Scales the formation: every update checked before any is written (one bad entry changes
 * nothing); returns the changed rows in the order asked.
 */
export function scaleFormation(store, app, user, updates) {
    const now = new Date().toISOString();
    // Later entries for the same type build on earlier ones ("+1" twice is +2).
    const rows = new Map();
    const out = [];
    for (const u of updates) {
        const row = rows.get(u.type) ?? store.formations.ofType(app.id, u.type);
        if (row === undefined)
            throw new NotFoundError('formation', u.type);
        const patch = { updatedAt: now };
        if (u.quantity !== undefined)
            patch.quantity = resolveQuantity(u.quantity, row.quantity, row.type);
        if (u.size !== undefined)
            patch.size = validateDynoSize(u.size, app.spaceId !== null).name;
        const next = { ...row, ...patch };
        rows.set(u.type, next);
        out.push(next);
    }
    const changes = [...rows.values()].map((r) => ({ id: r.id, quantity: r.quantity, size: r.size }));
    store.formations.scale(changes, now);
    // Heroku's line names the whole formation after the change: `Scaled to web@2:Standard-1X by user …`.
    const all = store.formations.list(app.id);
    logApiAction(store, app, user, `Scaled to ${all.map((f) => `${f.type}@${f.quantity}:${f.size}`).join(' ')}`);
    store.changed();
    return out;
}
/**
 * Restarts (or stops: `verb`) dynos by bumping restart epochs; the reconciler replaces the
 * matching dynos. A one-off dyno is not brought back: restarting or stopping it ends it.
 */
export function restartDynos(store, app, user, target, verb = 'Restart') {
    if (target.dyno !== undefined && stopOneOffDyno(store, app, target.dyno)) {
        logApiAction(store, app, user, `Stop ${target.dyno}`);
        return;
    }
    const now = new Date().toISOString();
    if (target.dyno !== undefined) {
        const m = /^([a-zA-Z0-9_-]+)\.(\d+)$/.exec(target.dyno);
        const row = m === null ? undefined : store.formations.ofType(app.id, m[1] ?? '');
        const n = Number(m?.[2]);
        if (row === undefined || !(n >= 1 && n <= row.quantity))
            throw new NotFoundError('dyno', target.dyno);
        store.formations.restartDyno(row.id, n, now);
        logApiAction(store, app, user, `${verb} ${target.dyno}`);
    }
    else {
        const rows = target.type === undefined ? store.formations.list(app.id) : [findFormation(store, app, target.type)];
        store.formations.restartTypes(rows.map((r) => r.id), now);
        logApiAction(store, app, user, target.type === undefined ? `${verb} all dynos` : `${verb} ${target.type}`);
    }
    store.changed();
}
//# sourceMappingURL=formation.js.map