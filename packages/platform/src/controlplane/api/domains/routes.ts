/**
 * Domains: `GET/POST /apps/:app/domains`, `GET/DELETE /apps/:app/domains/:domain` (Heroku's
 * domain resource). Every app has its default domain `<app>.<domain>` (kind "heroku"); custom
 * domains (kind "custom") are routed by the router to the same app, and their DNS target (the
 * `cname`) is the app's default domain.
 */
import { randomUUID } from 'node:crypto';
import { InvalidParamsError, NotFoundError, UnprocessableError } from '../../../shared/errors.js';
import type { AppRecord, DomainRecord } from '../../store/records.js';
import { manageableApp, visibleApp } from '../access.js';
import type { ApiContext } from '../api-context.js';
import { bodyObject, type ApiServer } from '../build-api.js';
import { appRef, nameUuid } from '../refs.js';

const HOSTNAME = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

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

function serializeDomain(app: AppRecord, domain: DomainRecord | null, baseDomain: string): DomainBody {
  const fallback = `${app.name}.${baseDomain}`;
  return {
    acm_status: null,
    acm_status_reason: null,
    app: appRef(app),
    cname: domain === null ? null : fallback,
    created_at: domain?.createdAt ?? app.createdAt,
    hostname: domain?.hostname ?? fallback,
    id: domain?.id ?? nameUuid('domain', app.id),
    kind: domain === null ? 'heroku' : 'custom',
    status: 'succeeded',
    sni_endpoint: null,
    updated_at: domain?.updatedAt ?? app.updatedAt,
  };
}

export function registerDomainRoutes(app: ApiServer, { store, options }: ApiContext): void {
  const find = (record: AppRecord, key: string): DomainBody => {
    const lower = key.toLowerCase();
    const fallback = serializeDomain(record, null, options.domain);
    if (lower === fallback.hostname || key === fallback.id) return fallback;
    const domain = store.tables.domains.one('app_id = ? AND (id = ? OR hostname = ?)', [record.id, key, lower]);
    if (domain === undefined) throw new NotFoundError('domain', key);
    return serializeDomain(record, domain, options.domain);
  };

  app.get<{ Params: { app: string } }>('/apps/:app/domains', async (request) => {
    const record = visibleApp(store, request.user, request.params.app);
    const custom = store.tables.domains.select('app_id = ?', [record.id], 'ORDER BY created_at, hostname');
    return [serializeDomain(record, null, options.domain), ...custom.map((d) => serializeDomain(record, d, options.domain))];
  });

  app.get<DomainParams>('/apps/:app/domains/:domain', async (request) =>
    find(visibleApp(store, request.user, request.params.app), request.params.domain),
  );

  app.post<{ Params: { app: string } }>('/apps/:app/domains', async (request, reply) => {
    const record = manageableApp(store, request.user, request.params.app);
    const body = bodyObject(request);
    if (typeof body['hostname'] !== 'string') throw new InvalidParamsError('hostname is required.');
    const hostname = body['hostname'].trim().toLowerCase().replace(/\.$/, '');
    if (hostname.length > 253 || !HOSTNAME.test(hostname)) throw new InvalidParamsError(`${body['hostname']} is not a valid hostname.`);
    if (hostname === options.domain || hostname.endsWith(`.${options.domain}`)) {
      throw new UnprocessableError(`${hostname} is under ${options.domain}, which Cove uses for apps' default domains.`, 'domain');
    }
    const taken = store.tables.domains.one('hostname = ?', [hostname]);
    if (taken !== undefined) {
      throw new UnprocessableError(
        taken.appId === record.id ? 'Domain already added to this app.' : `${hostname} is currently in use by another app.`,
        'domain',
      );
    }
    const now = new Date().toISOString();
    const domain = store.tables.domains.insert({ id: randomUUID(), appId: record.id, hostname, createdAt: now, updatedAt: now });
    store.changed();
    reply.code(201);
    return serializeDomain(record, domain, options.domain);
  });

  app.delete<DomainParams>('/apps/:app/domains/:domain', async (request) => {
    const record = manageableApp(store, request.user, request.params.app);
    const domain = find(record, request.params.domain);
    if (domain.kind === 'heroku') throw new UnprocessableError("An app's default domain cannot be removed.", 'domain');
    store.tables.domains.delete('id = ?', [domain.id]);
    store.changed();
    return domain;
  });
}
