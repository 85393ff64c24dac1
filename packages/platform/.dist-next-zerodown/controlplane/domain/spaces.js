/**
 * Spaces: created `allocating` (the reconciler allocates the network), renamed, transferred to
 * another team, destroyed once empty; their trusted IP ranges, per-member app-creation grants
 * and the zone failure drill. Network settings are fixed at creation.
 */
import { randomUUID } from 'node:crypto';
import { ZONE_NAMES } from '../../shared/space-addressing.js';
import { ForbiddenError, InvalidParamsError, NotFoundError, UnprocessableError } from '../../shared/errors.js';
import { validateDrainUrl } from './log-drains.js';
import { adminSpace, requireTeamAdmin, SPACE_PERMISSIONS, teamRole, visibleTeam } from './access.js';
import { defaultDataCidr, DEFAULT_CIDR, validateDataCidr, validateInboundRules, validateSpaceCidr } from './cidr-rules.js';
import { validateSpaceName } from './names.js';
import { regionId } from './name-uuid.js';
/** Creates a space in a team (team admins only); the reconciler allocates it. */
export function createSpace(store, actor, input, options) {
    const name = validateSpaceName(input.name);
    if (input.team === undefined)
        throw new InvalidParamsError('Team is required: a space belongs to a team.');
    if (typeof input.team !== 'string')
        throw new InvalidParamsError('Team must be a team name or id.');
    const team = visibleTeam(store, actor, input.team);
    requireTeamAdmin(store, actor, team, 'create spaces');
    const region = input.region ?? options.region;
    if (region !== options.region && region !== regionId(options.region))
        throw new NotFoundError('region', String(region));
    if (input.generation !== undefined && input.generation !== 'cedar') {
        throw new InvalidParamsError(`Generation "${String(input.generation)}" is not supported: Cove spaces are cedar spaces.`);
    }
    const cidr = input.cidr === undefined ? DEFAULT_CIDR : validateSpaceCidr(input.cidr);
    const dataCidr = input.data_cidr === undefined ? defaultDataCidr(cidr) : validateDataCidr(input.data_cidr, cidr);
    if (input.shield !== undefined && typeof input.shield !== 'boolean')
        throw new InvalidParamsError('Shield must be true or false.');
    const logDrainUrl = input.log_drain_url === undefined || input.log_drain_url === null ? undefined : validateDrainUrl(input.log_drain_url);
    const now = new Date().toISOString();
    const id = randomUUID();
    const drain = logDrainUrl === undefined
        ? undefined
        : { id: randomUUID(), appId: null, spaceId: id, url: logDrainUrl, token: `d.${randomUUID()}`, createdAt: now, updatedAt: now };
    const space = store.spaces.create({
        id,
        name,
        teamId: team.id,
        region: options.region,
        cidr,
        dataCidr,
        shield: input.shield === true,
        state: 'allocating',
        outboundIps: [],
        inboundRules: [{ action: 'allow', source: '0.0.0.0/0' }],
        inboundRulesetId: randomUUID(),
        inboundRulesUpdatedAt: now,
        inboundRulesUpdatedBy: actor.email,
        lastError: null,
        createdAt: now,
        updatedAt: now,
    }, ZONE_NAMES, drain);
    if (space === undefined)
        throw new InvalidParamsError(`Name ${name} is already taken.`, 'space');
    store.changed();
    return space;
}
/** Renames a space (team admins only); other network settings are fixed at creation. */
export function updateSpace(store, actor, nameOrId, input) {
    const space = adminSpace(store, actor, nameOrId, 'rename');
    for (const key of ['cidr', 'data_cidr', 'region', 'shield']) {
        if (key in input)
            throw new UnprocessableError(`The ${key} of a space cannot be changed after it is created.`, 'space');
    }
    if (input['name'] === undefined)
        return space;
    const name = validateSpaceName(input['name']);
    const updated = store.spaces.rename(space.id, name, new Date().toISOString());
    if (updated === undefined)
        throw new InvalidParamsError(`Name ${name} is already taken.`, 'space');
    store.changed();
    return updated;
}
/** Marks an empty space for destruction (team admins only); the reconciler tears it down. */
export function destroySpace(store, actor, nameOrId) {
    const space = adminSpace(store, actor, nameOrId, 'destroy');
    const result = store.spaces.requestDestroy(space.id, new Date().toISOString());
    if ('appNames' in result) {
        throw new UnprocessableError(`Cannot destroy space ${space.name}: it still has ${result.appNames.length} app(s) (${result.appNames.join(', ')}). Destroy them first.`, 'space');
    }
    store.changed();
    return result.space;
}
/** Moves a space and its apps to another team; the caller must be an admin of both. */
export function transferSpace(store, actor, nameOrId, input) {
    const space = adminSpace(store, actor, nameOrId, 'transfer');
    if (typeof input.new_owner !== 'string')
        throw new InvalidParamsError('new_owner must be the name of the team to transfer the space to.');
    const target = visibleTeam(store, actor, input.new_owner);
    requireTeamAdmin(store, actor, target, 'receive spaces');
    const updated = store.spaces.transfer(space.id, target.id, new Date().toISOString());
    store.changed();
    return updated;
}
/** Replaces a space's trusted IP ranges (team admins only). */
export function setInboundRuleset(store, actor, nameOrId, input) {
    const space = adminSpace(store, actor, nameOrId, 'change the trusted IP ranges of');
    const rules = validateInboundRules(input.rules);
    const updated = store.spaces.setInboundRuleset(space.id, {
        rules,
        rulesetId: randomUUID(),
        updatedAt: new Date().toISOString(),
        updatedBy: actor.email,
    });
    store.changed();
    return updated;
}
/** Sets what a team member may do in the space (`create_apps`); viewers get nothing. */
export function setSpaceAccess(store, actor, nameOrId, memberEmailOrId, input) {
    const space = adminSpace(store, actor, nameOrId, 'grant access to');
    const user = store.accounts.byEmailOrId(memberEmailOrId);
    const role = user === undefined ? null : teamRole(store, user, space.teamId);
    if (user === undefined || role === null)
        throw new NotFoundError('space_member', memberEmailOrId);
    const raw = input.permissions;
    if (!Array.isArray(raw))
        throw new InvalidParamsError('Permissions must be an array of {name}.');
    const names = raw.map((p) => (typeof p === 'string' ? p : p?.name));
    for (const name of names) {
        if (typeof name !== 'string' || !(name in SPACE_PERMISSIONS)) {
            throw new InvalidParamsError(`Unknown space permission "${String(name)}". Known: ${Object.keys(SPACE_PERMISSIONS).join(', ')}.`);
        }
    }
    if (role === 'viewer' && names.length > 0) {
        throw new UnprocessableError(`${user.email} is a viewer of the team; make them a member before granting app creation.`, 'space');
    }
    const now = new Date().toISOString();
    const grant = { spaceId: space.id, userId: user.id, permissions: [...new Set(names)], createdAt: now, updatedAt: now };
    store.spaces.setGrant(grant);
    return { space, user, grant };
}
/** The zone failure drill: fails or recovers one zone (team admins only); one must stay healthy. */
export function setZoneHealth(store, actor, nameOrId, zoneName, action) {
    const space = adminSpace(store, actor, nameOrId, `${action} a zone of`);
    const zone = store.spaces.zone(space.id, zoneName);
    if (zone === undefined)
        throw new NotFoundError('zone', zoneName);
    const now = new Date().toISOString();
    if (action === 'fail') {
        if (!store.spaces.failZone(space.id, zone.name, now)) {
            throw new ForbiddenError(`Cannot fail zone ${zone.name}: it is the last healthy zone of space ${space.name}.`, 'zone');
        }
    }
    else {
        store.spaces.recoverZone(space.id, zone.name, now);
    }
    store.changed();
    return { space, zone };
}
//# sourceMappingURL=spaces.js.map