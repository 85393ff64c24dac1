/**
 * Custom domains: routed to their app by the router. Every app also has its default domain
 * `<app>.<domain>`, which has no row and cannot be removed; hostnames under the base domain
 * cannot be added.
 */
import { randomUUID } from 'node:crypto';
import { InvalidParamsError, NotFoundError, UnprocessableError } from '../../shared/errors.js';
import { spaceAddresses } from '../../shared/space-addressing.js';
import type { AppRecord, DomainRecord, UserRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { manageableApp } from './access.js';
import { nameUuid } from './name-uuid.js';

const HOSTNAME = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Adds a custom domain to an app; `baseDomain` is where apps' default domains live. */
export function addDomain(
  store: Store,
  actor: UserRecord,
  nameOrId: string,
  input: { readonly hostname?: unknown },
  baseDomain: string,
): { app: AppRecord; domain: DomainRecord } {
  const app = manageableApp(store, actor, nameOrId);
  if (typeof input.hostname !== 'string') throw new InvalidParamsError('hostname is required.');
  const hostname = input.hostname.trim().toLowerCase().replace(/\.$/, '');
  if (hostname.length > 253 || !HOSTNAME.test(hostname)) throw new InvalidParamsError(`${input.hostname} is not a valid hostname.`);
  if (hostname === baseDomain || hostname.endsWith(`.${baseDomain}`)) {
    throw new UnprocessableError(`${hostname} is under ${baseDomain}, which Cove uses for apps' default domains.`, 'domain');
  }
  const now = new Date().toISOString();
  const candidate: DomainRecord = { id: randomUUID(), appId: app.id, hostname, createdAt: now, updatedAt: now };
  const domain = store.domains.add(candidate);
  if (domain.id !== candidate.id) {
    throw new UnprocessableError(domain.appId === app.id ? 'Domain already added to this app.' : `${hostname} is currently in use by another app.`, 'domain');
  }
  store.changed();
  return { app, domain };
}

/**
 * Where a custom domain of the app should point (the domain's `cname`): a public app's default
 * domain; for an internal app, its space's internal router address, a private address that only
 * the space reaches (as Heroku's internal apps' domains resolve to private addresses). Inside
 * the space the space's DNS already answers that address for the app's domains.
 */
export function dnsTarget(store: Store, app: AppRecord, baseDomain: string): string {
  const space = app.internalRouting === true && app.spaceId !== null ? store.spaces.byId(app.spaceId) : undefined;
  return space === undefined ? `${app.name}.${baseDomain}` : spaceAddresses(space.cidr).routerAddress;
}

/** The id of an app's default domain (it has no row). */
export function defaultDomainId(app: AppRecord): string {
  return nameUuid('domain', app.id);
}

/**
 * One of the app's domains by id or hostname: a custom domain, or null for its default domain
 * `<app>.<baseDomain>`; 404 for anything else.
 */
export function findDomain(store: Store, app: AppRecord, key: string, baseDomain: string): DomainRecord | null {
  const lower = key.toLowerCase();
  if (lower === `${app.name}.${baseDomain}` || key === defaultDomainId(app)) return null;
  const domain = store.domains.find(app.id, lower) ?? store.domains.find(app.id, key);
  if (domain === undefined) throw new NotFoundError('domain', key);
  return domain;
}

/** Removes a custom domain (by id or hostname) from an app; returns it as it was. */
export function removeDomain(store: Store, actor: UserRecord, nameOrId: string, key: string, baseDomain: string): { app: AppRecord; domain: DomainRecord } {
  const app = manageableApp(store, actor, nameOrId);
  const domain = findDomain(store, app, key, baseDomain);
  if (domain === null) throw new UnprocessableError("An app's default domain cannot be removed.", 'domain');
  store.domains.remove(domain.id);
  store.changed();
  return { app, domain };
}
