/**
 * Domains: `GET/POST /apps/:app/domains`, `GET/DELETE /apps/:app/domains/:domain` (Heroku's
 * domain resource). Every app has its default domain `<app>.<domain>` (kind "heroku"); custom
 * domains (kind "custom") are routed by the router to the same app, and their DNS target (the
 * `cname`) is the app's default domain, or an internal app's space's internal router address.
 */
import { domainCreateBodySchema } from '@cove/schema';
import { visibleApp } from '../../domain/access.js';
import { addDomain, defaultDomainId, dnsTarget, findDomain, removeDomain } from '../../domain/domains.js';
import type { AppRecord, DomainRecord } from '../../store/records.js';
import type { Store } from '../../store/store.js';
import type { ApiContext } from '../api-context.js';
import { bodyObject, type ApiServer } from '../api-server.js';
import { appRef } from '../refs.js';

type DomainParams = { Params: { app: string; domain: string } };

interface DomainBody {
  acm_status: null;
  acm_status_reason: null;
  app: { id: string; name: string };
  cname: string | null;
  created_at: string;
  hostname: string;
  id: string;
  kind: 'heroku' | 'custom';
  status: 'succeeded';
  sni_endpoint: null;
  updated_at: string;
}

function serializeDomain(store: Store, app: AppRecord, domain: DomainRecord | null, baseDomain: string): DomainBody {
  const fallback = `${app.name}.${baseDomain}`;
  return {
    acm_status: null,
    acm_status_reason: null,
    app: appRef(app),
    cname: domain === null ? null : dnsTarget(store, app, baseDomain),
    created_at: domain?.createdAt ?? app.createdAt,
    hostname: domain?.hostname ?? fallback,
    id: domain?.id ?? defaultDomainId(app),
    kind: domain === null ? 'heroku' : 'custom',
    status: 'succeeded',
    sni_endpoint: null,
    updated_at: domain?.updatedAt ?? app.updatedAt,
  };
}

export function registerDomainRoutes(app: ApiServer, { store, options }: ApiContext): void {
  app.get<{ Params: { app: string } }>('/apps/:app/domains', async (request) => {
    const record = visibleApp(store, request.user, request.params.app);
    return [serializeDomain(store, record, null, options.domain), ...store.domains.ofApp(record.id).map((d) => serializeDomain(store, record, d, options.domain))];
  });

  app.get<DomainParams>('/apps/:app/domains/:domain', async (request) => {
    const record = visibleApp(store, request.user, request.params.app);
    return serializeDomain(store, record, findDomain(store, record, request.params.domain, options.domain), options.domain);
  });

  app.post<{ Params: { app: string } }>('/apps/:app/domains', { schema: { body: domainCreateBodySchema } }, async (request, reply) => {
    const { app: record, domain } = addDomain(store, request.user, request.params.app, bodyObject(request), options.domain);
    reply.code(201);
    return serializeDomain(store, record, domain, options.domain);
  });

  app.delete<DomainParams>('/apps/:app/domains/:domain', async (request) => {
    const { app: record, domain } = removeDomain(store, request.user, request.params.app, request.params.domain, options.domain);
    return serializeDomain(store, record, domain, options.domain);
  });
}
