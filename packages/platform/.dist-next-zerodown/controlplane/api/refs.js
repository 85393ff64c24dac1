import { nameUuid, regionId } from '../domain/name-uuid.js';
export function regionRef(name) {
    return { id: regionId(name), name };
}
const EPOCH = '2026-01-01T00:00:00Z';
export function regionObject(name) {
    return {
        ...regionRef(name),
        description: `Cove region ${name} (this host)`,
        country: '',
        locale: name,
        private_capable: true,
        provider: { name: 'cove', region: name },
        created_at: EPOCH,
        updated_at: EPOCH,
    };
}
export function stackRef(name) {
    return { id: nameUuid('stack', name), name };
}
export function teamRef(team) {
    return { id: team.id, name: team.name };
}
export function appRef(app) {
    return { id: app.id, name: app.name };
}
export function userRef(store, userId) {
    const user = store.accounts.byId(userId);
    return { id: userId, email: user?.email ?? 'unknown@cove.local' };
}
//# sourceMappingURL=refs.js.map