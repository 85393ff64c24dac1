/**
 * SNI endpoints: `GET/POST /apps/:app/sni-endpoints`, `GET/PATCH/DELETE
 * /apps/:app/sni-endpoints/:endpoint` (Heroku's sni-endpoint resource). A certificate chain and
 * its private key, which the router's HTTPS listener serves to clients asking (SNI) for one of
 * the certificate's names. The key is stored, never returned.
 */
import { createPrivateKey, randomBytes, randomUUID, X509Certificate } from 'node:crypto';
import { InvalidParamsError, NotFoundError } from '../../../shared/errors.js';
import type { AppRecord, SniEndpointRecord } from '../../store/records.js';
import { manageableApp, visibleApp } from '../access.js';
import type { ApiContext } from '../api-context.js';
import { bodyObject, type ApiServer } from '../build-api.js';
import { appRef } from '../refs.js';

type EndpointParams = { Params: { app: string; endpoint: string } };

/** The certificates of a PEM chain, leaf first. */
function parseChain(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  try {
    return blocks.map((b) => new X509Certificate(b));
  } catch {
    throw new InvalidParamsError('certificate_chain is not a valid PEM certificate chain.');
  }
}

function validated(body: Record<string, unknown>): { chain: string; key: string; leaf: X509Certificate } {
  const chain = body['certificate_chain'];
  const key = body['private_key'];
  if (typeof chain !== 'string' || typeof key !== 'string') throw new InvalidParamsError('certificate_chain and private_key are required.');
  const [leaf] = parseChain(chain);
  if (leaf === undefined) throw new InvalidParamsError('certificate_chain is not a valid PEM certificate chain.');
  let privateKey;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new InvalidParamsError('private_key is not a valid PEM private key.');
  }
  if (!leaf.checkPrivateKey(privateKey)) throw new InvalidParamsError('private_key does not match the certificate.');
  if (Date.parse(leaf.validTo) < Date.now()) throw new InvalidParamsError('The certificate has expired.');
  return { chain: chain.trim() + '\n', key: key.trim() + '\n', leaf };
}

/** DNS names of a certificate: its subjectAltName DNS entries, else its CN. */
export function certificateDomains(leaf: X509Certificate): string[] {
  const sans = (leaf.subjectAltName ?? '').split(', ').filter((s) => s.startsWith('DNS:')).map((s) => s.slice(4).toLowerCase());
  if (sans.length > 0) return sans;
  const cn = /CN=([^\n]+)/.exec(leaf.subject)?.[1];
  return cn === undefined ? [] : [cn.toLowerCase()];
}

function serializeEndpoint(app: AppRecord, record: SniEndpointRecord, domainIds: string[]): Record<string, unknown> {
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

const ADJECTIVES = ['brisk', 'calm', 'deep', 'eager', 'fair', 'gentle', 'hardy', 'keen', 'lively', 'quiet'];
const ANIMALS = ['otter', 'heron', 'lynx', 'finch', 'badger', 'marten', 'ibis', 'tern', 'vole', 'wren'];

function endpointName(): string {
  const [a = 0, b = 0] = randomBytes(2);
  return `${ADJECTIVES[a % ADJECTIVES.length]}-${ANIMALS[b % ANIMALS.length]}-${randomBytes(3).toString('hex')}`;
}

export function registerSniEndpointRoutes(app: ApiServer, { store }: ApiContext): void {
  const domainIds = (record: AppRecord, endpoint: SniEndpointRecord): string[] => {
    const leaf = parseChain(endpoint.certificateChain)[0];
    const names = leaf === undefined ? [] : certificateDomains(leaf);
    const matches = (host: string): boolean => names.some((n) => n === host || (n.startsWith('*.') && host.endsWith(n.slice(1)) && !host.slice(0, -n.length + 1).includes('.')));
    return store.tables.domains.select('app_id = ?', [record.id], 'ORDER BY hostname').filter((d) => matches(d.hostname)).map((d) => d.id);
  };
  const find = (record: AppRecord, key: string): SniEndpointRecord => {
    const found = store.tables.sniEndpoints.one('app_id = ? AND (id = ? OR name = ?)', [record.id, key, key]);
    if (found === undefined) throw new NotFoundError('sni_endpoint', key);
    return found;
  };

  app.get<{ Params: { app: string } }>('/apps/:app/sni-endpoints', async (request) => {
    const record = visibleApp(store, request.user, request.params.app);
    return store.tables.sniEndpoints.select('app_id = ?', [record.id], 'ORDER BY created_at').map((e) => serializeEndpoint(record, e, domainIds(record, e)));
  });

  app.get<EndpointParams>('/apps/:app/sni-endpoints/:endpoint', async (request) => {
    const record = visibleApp(store, request.user, request.params.app);
    const endpoint = find(record, request.params.endpoint);
    return serializeEndpoint(record, endpoint, domainIds(record, endpoint));
  });

  app.post<{ Params: { app: string } }>('/apps/:app/sni-endpoints', async (request, reply) => {
    const record = manageableApp(store, request.user, request.params.app);
    const { chain, key } = validated(bodyObject(request));
    const now = new Date().toISOString();
    const endpoint = store.tables.sniEndpoints.insert({
      id: randomUUID(), appId: record.id, name: endpointName(), certificateChain: chain, privateKey: key, createdAt: now, updatedAt: now,
    });
    store.changed();
    reply.code(201);
    return serializeEndpoint(record, endpoint, domainIds(record, endpoint));
  });

  app.patch<EndpointParams>('/apps/:app/sni-endpoints/:endpoint', async (request) => {
    const record = manageableApp(store, request.user, request.params.app);
    const endpoint = find(record, request.params.endpoint);
    const { chain, key } = validated(bodyObject(request));
    const updatedAt = new Date().toISOString();
    store.tables.sniEndpoints.update({ certificateChain: chain, privateKey: key, updatedAt }, 'id = ?', [endpoint.id]);
    store.changed();
    const updated = { ...endpoint, certificateChain: chain, privateKey: key, updatedAt };
    return serializeEndpoint(record, updated, domainIds(record, updated));
  });

  app.delete<EndpointParams>('/apps/:app/sni-endpoints/:endpoint', async (request) => {
    const record = manageableApp(store, request.user, request.params.app);
    const endpoint = find(record, request.params.endpoint);
    const body = serializeEndpoint(record, endpoint, domainIds(record, endpoint));
    store.tables.sniEndpoints.delete('id = ?', [endpoint.id]);
    store.changed();
    return body;
  });
}
