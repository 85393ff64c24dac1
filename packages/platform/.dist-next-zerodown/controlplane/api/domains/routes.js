/**
 * Domains: `GET/POST /apps/:app/domains`, `GET/DELETE /apps/:app/domains/:domain` (Heroku's
 * domain resource). Every app has its default domain `<app>.<domain>` (kind "heroku"); custom
 * domains (kind "custom") are routed by the router to the same app, and their DNS target (the
 * `cname`) is the app's default domain.
 */
import { domainCreateBodySchema } from '@cove/schema';
import { visibleApp } from '../../domain/access.js';
import { addDomain, defaultDomainId, findDomain, removeDomain } from '../../domain/domains.js';
import { bodyObject } from '../api-server.js';
import { appRef } from '../refs.js';
function serializeDomain(app, domain, baseDomain) {
    const fallback = `${app.name}.${baseDomain}`;
    return {
        acm_status: null,
        acm_status_reason: null,
        app: appRef(app),
        cname: domain === null ? null : fallback,
        created_at: domain?.createdAt ?? app.createdAt,
        hostname: domain?.hostname ?? fallback,
        id: domain?.id ?? defaultDomainId(app),
        kind: domain === null ? 'heroku' : 'custom',
        status: 'succeeded',
        sni_endpoint: null,
        updated_at: domain?.updatedAt ?? app.updatedAt,
    };
}
export function registerDomainRoutes(app, { store, options }) {
    app.get('/apps/:app/domains', async (request) => {
        const record = visibleApp(store, request.user, request.params.app);
        return [serializeDomain(record, null, options.domain), ...store.domains.ofApp(record.id).map((d) => serializeDomain(record, d, options.domain))];
    });
    app.get('/apps/:app/domains/:domain', async (request) => {
        const record = visibleApp(store, request.user, request.params.app);
        return serializeDomain(record, findDomain(store, record, request.params.domain, options.domain), options.domain);
    });
    app.post('/apps/:app/domains', { schema: { body: domainCreateBodySchema } }, async (request, reply) => {
        const { app: record, domain } = addDomain(store, request.user, request.params.app, bodyObject(request), options.domain);
        reply.code(201);
        return serializeDomain(record, domain, options.domain);
    });
    app.delete('/apps/:app/domains/:domain', async (request) => {
        const { app: record, domain } = removeDomain(store, request.user, request.params.app, request.params.domain, options.domain);
        return serializeDomain(record, domain, options.domain);
    });
}
//# sourceMappingURL=routes.js.map