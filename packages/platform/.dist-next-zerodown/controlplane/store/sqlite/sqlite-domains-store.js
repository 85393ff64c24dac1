export class SqliteDomainStore {
    #tables;
    #db;
    constructor(tables, db) {
        this.#tables = tables;
        this.#db = db;
    }
    ofApp(appId) {
        return this.#tables.domains.select('app_id = ?', [appId], 'ORDER BY created_at, hostname');
    }
    find(appId, idOrHostname) {
        return this.#tables.domains.one('app_id = ? AND (id = ? OR hostname = ?)', [appId, idOrHostname, idOrHostname]);
    }
    add(domain) {
        return this.#db.transaction(() => {
            const holder = this.#tables.domains.one('hostname = ?', [domain.hostname]);
            return holder ?? this.#tables.domains.insert(domain);
        })();
    }
    remove(domainId) {
        this.#tables.domains.delete('id = ?', [domainId]);
    }
    sniEndpoints(appId) {
        return this.#tables.sniEndpoints.select('app_id = ?', [appId], 'ORDER BY created_at');
    }
    sniEndpoint(appId, idOrName) {
        return this.#tables.sniEndpoints.one('app_id = ? AND (id = ? OR name = ?)', [appId, idOrName, idOrName]);
    }
    addSniEndpoint(endpoint) {
        return this.#tables.sniEndpoints.insert(endpoint);
    }
    replaceSniCertificate(endpointId, certificateChain, privateKey, at) {
        this.#tables.sniEndpoints.update({ certificateChain, privateKey, updatedAt: at }, 'id = ?', [endpointId]);
    }
    removeSniEndpoint(endpointId) {
        this.#tables.sniEndpoints.delete('id = ?', [endpointId]);
    }
    list() {
        return this.#tables.domains.select('');
    }
    allSniEndpoints() {
        return this.#tables.sniEndpoints.select('');
    }
}
//# sourceMappingURL=sqlite-domains-store.js.map