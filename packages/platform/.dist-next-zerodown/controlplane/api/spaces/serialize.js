import { regionObject, regionRef } from '../refs.js';
export function serializeSpace(store, space, expandRegion) {
    const team = store.teams.byId(space.teamId);
    const region = expandRegion
        ? (({ id, name, description }) => ({ id, name, description }))(regionObject(space.region))
        : regionRef(space.region);
    return {
        id: space.id,
        name: space.name,
        team: { id: space.teamId, name: team?.name ?? '' },
        organization: { name: team?.name ?? '' },
        region,
        shield: space.shield,
        state: space.state,
        cidr: space.cidr,
        data_cidr: space.dataCidr,
        generation: 'cedar',
        created_at: space.createdAt,
        updated_at: space.updatedAt,
    };
}
/** Outbound IPs: never 404 (the heroku CLI's destroy breaks on it). */
export function serializeNat(space) {
    const state = space.state === 'allocated' && space.outboundIps.length > 0 ? 'enabled' : space.state === 'allocating' ? 'updating' : 'disabled';
    return { state, sources: state === 'enabled' ? space.outboundIps : [], created_at: space.createdAt, updated_at: space.updatedAt };
}
export function serializeRuleset(store, space) {
    return {
        id: space.inboundRulesetId,
        space: { id: space.id, name: space.name },
        rules: space.inboundRules,
        created_at: space.inboundRulesUpdatedAt,
        created_by: space.inboundRulesUpdatedBy,
    };
}
//# sourceMappingURL=serialize.js.map