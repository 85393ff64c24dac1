export class SqliteAppRuleStore {
    #tables;
    #db;
    constructor(tables, db) {
        this.#tables = tables;
        this.#db = db;
    }
    inboundRuleset(appId) {
        return this.#tables.appInboundRulesets.one('app_id = ?', [appId]);
    }
    putInboundRuleset(ruleset) {
        this.#db.transaction(() => {
            this.#tables.appInboundRulesets.delete('app_id = ?', [ruleset.appId]);
            this.#tables.appInboundRulesets.insert(ruleset);
        })();
    }
    deleteInboundRuleset(appId) {
        this.#tables.appInboundRulesets.delete('app_id = ?', [appId]);
    }
    callerList(appId) {
        return this.#tables.appCallerLists.one('app_id = ?', [appId]);
    }
    allowedCallerIds(appId) {
        return this.#tables.appAllowedCallers.select('app_id = ?', [appId]).map((c) => c.callerAppId);
    }
    putCallerList(list, callerAppIds) {
        this.#db.transaction(() => {
            this.#tables.appCallerLists.delete('app_id = ?', [list.appId]);
            this.#tables.appCallerLists.insert(list);
            for (const callerAppId of callerAppIds)
                this.#tables.appAllowedCallers.insert({ appId: list.appId, callerAppId });
        })();
    }
    deleteCallerList(appId) {
        this.#tables.appCallerLists.delete('app_id = ?', [appId]);
    }
    inboundRulesets() {
        return this.#tables.appInboundRulesets.select('');
    }
    callerLists() {
        return this.#tables.appCallerLists.select('');
    }
    allowedCallers() {
        return this.#tables.appAllowedCallers.select('');
    }
}
//# sourceMappingURL=sqlite-app-rules-store.js.map