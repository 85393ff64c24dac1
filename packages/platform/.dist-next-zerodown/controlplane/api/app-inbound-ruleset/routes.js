/**
 * An app's own inbound ruleset (beyond Heroku, which has only the space's): `GET/PUT/DELETE
 * /apps/:app/inbound-ruleset`. Public traffic to the app must pass its space's trusted IP
 * ranges and then these rules (first match wins; no match, or an empty list, blocks). Without
 * one (404 on GET), only the space's rules apply.
 */
import { inboundRulesetBodySchema } from '@cove/schema';
import { visibleApp } from '../../domain/access.js';
import { appInboundRuleset, deleteAppInboundRuleset, putAppInboundRuleset } from '../../domain/app-rules.js';
import { bodyObject } from '../api-server.js';
import { appRef } from '../refs.js';
function serialize(app, record) {
    return { id: record.id, app: appRef(app), rules: record.rules, created_at: record.createdAt, created_by: record.createdBy };
}
export function registerAppInboundRulesetRoutes(app, { store }) {
    app.get('/apps/:app/inbound-ruleset', async (request) => {
        const record = visibleApp(store, request.user, request.params.app);
        return serialize(record, appInboundRuleset(store, record));
    });
    app.put('/apps/:app/inbound-ruleset', { schema: { body: inboundRulesetBodySchema } }, async (request) => {
        const { app: record, ruleset } = putAppInboundRuleset(store, request.user, request.params.app, bodyObject(request));
        return serialize(record, ruleset);
    });
    app.delete('/apps/:app/inbound-ruleset', async (request) => {
        const { app: record, ruleset } = deleteAppInboundRuleset(store, request.user, request.params.app);
        return serialize(record, ruleset);
    });
}
//# sourceMappingURL=routes.js.map