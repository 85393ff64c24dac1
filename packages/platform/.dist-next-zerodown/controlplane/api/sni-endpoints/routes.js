/**
 * SNI endpoints: `GET/POST /apps/:app/sni-endpoints`, `GET/PATCH/DELETE
 * /apps/:app/sni-endpoints/:endpoint` (Heroku's sni-endpoint resource). A certificate chain and
 * its private key, which the router's HTTPS listener serves to clients asking (SNI) for one of
 * the certificate's names. The key is stored, never returned.
 */
import { sniEndpointBodySchema } from '@cove/schema';
import { visibleApp } from '../../domain/access.js';
import { addSniEndpoint, certificateDomains, findSniEndpoint, parseChain, removeSniEndpoint, updateSniEndpoint } from '../../domain/sni-endpoints.js';
import { bodyObject } from '../api-server.js';
import { appRef } from '../refs.js';
function serializeEndpoint(app, record, domainIds) {
    const chain = parseChain(record.certificateChain);
    const leaf = chain[0];
    return {
        id: record.id,
        name: record.name,
        certificate_chain: record.certificateChain,
        app: appRef(app),
        domains: domainIds,
        display_name: null,
        ssl_cert: {
            'ca_signed?': leaf === undefined ? false : leaf.issuer !== leaf.subject,
            cert_domains: leaf === undefined ? [] : certificateDomains(leaf),
            starts_at: leaf === undefined ? null : new Date(leaf.validFrom).toISOString(),
            expires_at: leaf === undefined ? null : new Date(leaf.validTo).toISOString(),
            issuer: leaf?.issuer.replace(/\n/g, '/') ?? '',
            'self_signed?': leaf === undefined ? false : leaf.issuer === leaf.subject,
            subject: leaf?.subject.replace(/\n/g, '/') ?? '',
            id: leaf?.serialNumber ?? '',
        },
        created_at: record.createdAt,
        updated_at: record.updatedAt,
    };
}
export function registerSniEndpointRoutes(app, { store }) {
    const domainIds = (record, endpoint) => {
        const leaf = parseChain(endpoint.certificateChain)[0];
        const names = leaf === undefined ? [] : certificateDomains(leaf);
        const matches = (host) => names.some((n) => n === host || (n.startsWith('*.') && host.endsWith(n.slice(1)) && !host.slice(0, -n.length + 1).includes('.')));
        return store.domains
            .ofApp(record.id)
            .sort((a, b) => (a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : 0))
            .filter((d) => matches(d.hostname))
            .map((d) => d.id);
    };
    app.get('/apps/:app/sni-endpoints', async (request) => {
        const record = visibleApp(store, request.user, request.params.app);
        return store.domains.sniEndpoints(record.id).map((e) => serializeEndpoint(record, e, domainIds(record, e)));
    });
    app.get('/apps/:app/sni-endpoints/:endpoint', async (request) => {
        const record = visibleApp(store, request.user, request.params.app);
        const endpoint = findSniEndpoint(store, record, request.params.endpoint);
        return serializeEndpoint(record, endpoint, domainIds(record, endpoint));
    });
    app.post('/apps/:app/sni-endpoints', { schema: { body: sniEndpointBodySchema } }, async (request, reply) => {
        const { app: record, endpoint } = addSniEndpoint(store, request.user, request.params.app, bodyObject(request));
        reply.code(201);
        return serializeEndpoint(record, endpoint, domainIds(record, endpoint));
    });
    app.patch('/apps/:app/sni-endpoints/:endpoint', { schema: { body: sniEndpointBodySchema } }, async (request) => {
        const { app: record, endpoint } = updateSniEndpoint(store, request.user, request.params.app, request.params.endpoint, bodyObject(request));
        return serializeEndpoint(record, endpoint, domainIds(record, endpoint));
    });
    app.delete('/apps/:app/sni-endpoints/:endpoint', async (request) => {
        const { app: record, endpoint } = removeSniEndpoint(store, request.user, request.params.app, request.params.endpoint);
        return serializeEndpoint(record, endpoint, domainIds(record, endpoint));
    });
}
//# sourceMappingURL=routes.js.map