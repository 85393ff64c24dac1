import { appRef } from '../refs.js';
/** A dyno as Heroku shows it; `extended` for `ps -x`. */
export function serializeDyno(store, app, dyno, region) {
    const release = store.releases.byId(dyno.releaseId);
    return {
        id: dyno.id,
        name: dyno.name,
        type: dyno.type,
        command: dyno.command,
        size: dyno.size,
        state: dyno.state,
        attach_url: null,
        app: appRef(app),
        release: { id: dyno.releaseId, version: release?.version ?? 0 },
        created_at: dyno.createdAt,
        updated_at: dyno.updatedAt,
        extended: {
            region,
            execution_plane: app.spaceId === null ? 'default' : 'private-space',
            fleet: 'cove',
            instance: dyno.id,
            ip: dyno.privateIp,
            port: dyno.port,
            az: dyno.zone,
            route: null,
        },
    };
}
//# sourceMappingURL=serialize-dyno.js.map