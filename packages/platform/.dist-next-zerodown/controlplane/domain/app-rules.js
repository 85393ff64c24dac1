/**
 * An app's own rules beyond Heroku's: its inbound ruleset (public traffic must pass it after
 * its space's trusted IP ranges) and, for an internal-routing app, the list of apps of its
 * space allowed to call it.
 */
import { randomUUID } from 'node:crypto';
import { InvalidParamsError, NotFoundError, UnprocessableError } from '../../shared/errors.js';
import { canViewApp, manageableApp } from './access.js';
import { validateInboundRules } from './cidr-rules.js';
/** More than any space should need; keeps a typo'd script from writing a huge list. */
export const MAX_CALLERS = 500;
/** The app's own inbound ruleset; 404 without one. */
export function appInboundRuleset(store, app) {
    const ruleset = store.appRules.inboundRuleset(app.id);
    if (ruleset === undefined)
        throw new NotFoundError('inbound_ruleset', app.name);
    return ruleset;
}
/** Sets (replaces) an app's own inbound ruleset. */
export function putAppInboundRuleset(store, actor, nameOrId, input) {
    const app = manageableApp(store, actor, nameOrId);
    const rules = validateInboundRules(input.rules);
    const ruleset = { appId: app.id, id: randomUUID(), rules, createdAt: new Date().toISOString(), createdBy: actor.email };
    store.appRules.putInboundRuleset(ruleset);
    store.changed();
    return { app, ruleset };
}
/** Removes an app's own inbound ruleset (only its space's apply again); returns it as it was. */
export function deleteAppInboundRuleset(store, actor, nameOrId) {
    const app = manageableApp(store, actor, nameOrId);
    const ruleset = appInboundRuleset(store, app);
    store.appRules.deleteInboundRuleset(app.id);
    store.changed();
    return { app, ruleset };
}
/** The app's caller list; 404 without one. */
export function allowedCallers(store, app) {
    const list = store.appRules.callerList(app.id);
    if (list === undefined)
        throw new NotFoundError('allowed_callers', app.name);
    return { list, callerAppIds: store.appRules.allowedCallerIds(app.id) };
}
/**
 * Sets (replaces) an internal app's caller list. `apps` lists app names or ids, or `{id, name}`
 * references; each must be an app of the same space the actor can see.
 */
export function putAllowedCallers(store, actor, nameOrId, input) {
    const app = manageableApp(store, actor, nameOrId);
    const spaceId = internalSpaceId(app);
    const callerAppIds = callerIds(store, actor, app, spaceId, input.apps);
    const list = { appId: app.id, id: randomUUID(), createdAt: new Date().toISOString(), createdBy: actor.email };
    store.appRules.putCallerList(list, callerAppIds);
    store.changed();
    return { app, list, callerAppIds };
}
/** Removes an app's caller list (every app of its space may call it again); returns it as it was. */
export function deleteAllowedCallers(store, actor, nameOrId) {
    const app = manageableApp(store, actor, nameOrId);
    const current = allowedCallers(store, app);
    store.appRules.deleteCallerList(app.id);
    store.changed();
    return { app, ...current };
}
/** The app's space, if it can have a caller list: internal routing, in a space. */
function internalSpaceId(app) {
    if (app.spaceId === null) {
        throw new UnprocessableError(`App ${app.name} is not in a space. Allowed callers are only available for internal-routing apps of a space.`, 'app');
    }
    if (app.internalRouting !== true) {
        throw new UnprocessableError(`App ${app.name} is not an internal-routing app. Allowed callers only apply to internal routing; use the app's inbound ruleset for public traffic.`, 'app');
    }
    return app.spaceId;
}
/** `apps` of a PUT body → the ids of the listed apps, each checked to be an app of `spaceId`. */
function callerIds(store, actor, app, spaceId, value) {
    if (!Array.isArray(value))
        throw new InvalidParamsError('apps must be a list of app names or ids.', 'app');
    if (value.length > MAX_CALLERS)
        throw new InvalidParamsError(`apps may list at most ${MAX_CALLERS} apps.`, 'app');
    const ids = new Set();
    for (const entry of value) {
        const ref = typeof entry === 'string' ? entry : refOf(entry);
        if (ref === undefined || ref.trim() === '') {
            throw new InvalidParamsError(`apps must be a list of app names or ids, got ${JSON.stringify(entry)}.`, 'app');
        }
        const caller = store.apps.byNameOrId(ref.trim());
        if (caller === undefined || !canViewApp(store, actor, caller)) {
            throw new InvalidParamsError(`Couldn't find app "${ref}" to allow as a caller.`, 'app');
        }
        if (caller.spaceId !== spaceId) {
            const space = store.spaces.byId(spaceId)?.name ?? spaceId;
            throw new InvalidParamsError(`App ${caller.name} is not in space ${space}: only apps of the same space can call ${app.name}.`, 'app');
        }
        ids.add(caller.id);
    }
    return [...ids];
}
/** A `{id}` or `{name}` reference (what GET returns), for PUTting a fetched list back. */
function refOf(entry) {
    if (typeof entry !== 'object' || entry === null)
        return undefined;
    const { id, name } = entry;
    if (typeof id === 'string')
        return id;
    return typeof name === 'string' ? name : undefined;
}
//# sourceMappingURL=app-rules.js.map