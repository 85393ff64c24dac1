/**
 * SNI endpoints: a certificate chain and its private key, which the router's HTTPS listener
 * serves to clients asking (SNI) for one of the certificate's names. The key must match the
 * leaf certificate, which must not have expired; the key is stored, never shown.
 */
import { createPrivateKey, randomBytes, randomUUID, X509Certificate } from 'node:crypto';
import { InvalidParamsError, NotFoundError } from '../../shared/errors.js';
import { manageableApp } from './access.js';
/** The certificates of a PEM chain, leaf first. */
export function parseChain(pem) {
    const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    try {
        return blocks.map((b) => new X509Certificate(b));
    }
    catch {
        throw new InvalidParamsError('certificate_chain is not a valid PEM certificate chain.');
    }
}
/** DNS names of a certificate: its subjectAltName DNS entries, else its CN. */
export function certificateDomains(leaf) {
    const sans = (leaf.subjectAltName ?? '').split(', ').filter((s) => s.startsWith('DNS:')).map((s) => s.slice(4).toLowerCase());
    if (sans.length > 0)
        return sans;
    const cn = /CN=([^\n]+)/.exec(leaf.subject)?.[1];
    return cn === undefined ? [] : [cn.toLowerCase()];
}
function validated(input) {
    const chain = input.certificate_chain;
    const key = input.private_key;
    if (typeof chain !== 'string' || typeof key !== 'string')
        throw new InvalidParamsError('certificate_chain and private_key are required.');
    const [leaf] = parseChain(chain);
    if (leaf === undefined)
        throw new InvalidParamsError('certificate_chain is not a valid PEM certificate chain.');
    let privateKey;
    try {
        privateKey = createPrivateKey(key);
    }
    catch {
        throw new InvalidParamsError('private_key is not a valid PEM private key.');
    }
    if (!leaf.checkPrivateKey(privateKey))
        throw new InvalidParamsError('private_key does not match the certificate.');
    if (Date.parse(leaf.validTo) < Date.now())
        throw new InvalidParamsError('The certificate has expired.');
    return { chain: chain.trim() + '\n', key: key.trim() + '\n' };
}
const ADJECTIVES = ['brisk', 'calm', 'deep', 'eager', 'fair', 'gentle', 'hardy', 'keen', 'lively', 'quiet'];
const ANIMALS = ['otter', 'heron', 'lynx', 'finch', 'badger', 'marten', 'ibis', 'tern', 'vole', 'wren'];
function endpointName() {
    const [a = 0, b = 0] = randomBytes(2);
    return `${ADJECTIVES[a % ADJECTIVES.length]}-${ANIMALS[b % ANIMALS.length]}-${randomBytes(3).toString('hex')}`;
}
/** One of the app's SNI endpoints, by id or name. */
export function findSniEndpoint(store, app, key) {
    const found = store.domains.sniEndpoint(app.id, key);
    if (found === undefined)
        throw new NotFoundError('sni_endpoint', key);
    return found;
}
/** Adds an SNI endpoint to an app. */
export function addSniEndpoint(store, actor, nameOrId, input) {
    const app = manageableApp(store, actor, nameOrId);
    const { chain, key } = validated(input);
    const now = new Date().toISOString();
    const endpoint = store.domains.addSniEndpoint({
        id: randomUUID(), appId: app.id, name: endpointName(), certificateChain: chain, privateKey: key, createdAt: now, updatedAt: now,
    });
    store.changed();
    return { app, endpoint };
}
/** Replaces an SNI endpoint's certificate chain and key. */
export function updateSniEndpoint(store, actor, nameOrId, key, input) {
    const app = manageableApp(store, actor, nameOrId);
    const endpoint = findSniEndpoint(store, app, key);
    const { chain, key: privateKey } = validated(input);
    const updatedAt = new Date().toISOString();
    store.domains.replaceSniCertificate(endpoint.id, chain, privateKey, updatedAt);
    store.changed();
    return { app, endpoint: { ...endpoint, certificateChain: chain, privateKey, updatedAt } };
}
/** Removes an SNI endpoint; returns it as it was. */
export function removeSniEndpoint(store, actor, nameOrId, key) {
    const app = manageableApp(store, actor, nameOrId);
    const endpoint = findSniEndpoint(store, app, key);
    store.domains.removeSniEndpoint(endpoint.id);
    store.changed();
    return { app, endpoint };
}
//# sourceMappingURL=sni-endpoints.js.map