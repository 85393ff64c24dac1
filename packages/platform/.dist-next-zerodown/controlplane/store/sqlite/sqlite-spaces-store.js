/**
 * SpaceStore on SQLite (tables: spaces, spaceZones, spaceMembers).
 */
import { randomBytes } from 'node:crypto';
export class SqliteSpaceStore {
    #tables;
    #db;
    constructor(tables, db) {
        this.#tables = tables;
        this.#db = db;
    }
    byNameOrId(nameOrId) {
        return this.#tables.spaces.one('id = ? OR name = ?', [nameOrId, nameOrId]);
    }
    byId(id) {
        return this.#tables.spaces.one('id = ?', [id]);
    }
    list() {
        return this.#tables.spaces.select('', [], 'ORDER BY name');
    }
    #freeIndex() {
        const used = new Set(this.#tables.spaces.select('').map((s) => s.index));
        let i = 0;
        while (used.has(i))
            i++;
        return i;
    }
    create(space, zones, logDrain) {
        return this.#db.transaction(() => {
            if (this.byNameOrId(space.name) !== undefined)
                return undefined;
            const record = { ...space, shortId: this.#freeShortId(), index: this.#freeIndex() };
            this.#tables.spaces.insert(record);
            for (const zone of zones)
                this.#tables.spaceZones.insert({ spaceId: record.id, name: zone, healthy: true, updatedAt: space.createdAt });
            if (logDrain !== undefined)
                this.#tables.logDrains.insert(logDrain);
            return record;
        })();
    }
    rename(spaceId, name, at) {
        return this.#db.transaction(() => {
            const other = this.byNameOrId(name);
            if (other !== undefined && other.id !== spaceId)
                return undefined;
            return this.#patch(spaceId, { name, updatedAt: at });
        })();
    }
    requestDestroy(spaceId, at) {
        return this.#db.transaction(() => {
            const apps = this.#tables.apps.select('space_id = ?', [spaceId]);
            if (apps.length > 0)
                return { appNames: apps.map((a) => a.name) };
            return { space: this.#patch(spaceId, { state: 'deleting', updatedAt: at }) };
        })();
    }
    transfer(spaceId, teamId, at) {
        return this.#db.transaction(() => {
            this.#tables.apps.update({ teamId, updatedAt: at }, 'space_id = ?', [spaceId]);
            this.#tables.spaceMembers.delete('space_id = ?', [spaceId]);
            return this.#patch(spaceId, { teamId, updatedAt: at });
        })();
    }
    setInboundRuleset(spaceId, ruleset) {
        return this.#patch(spaceId, {
            inboundRules: ruleset.rules,
            inboundRulesetId: ruleset.rulesetId,
            inboundRulesUpdatedAt: ruleset.updatedAt,
            inboundRulesUpdatedBy: ruleset.updatedBy,
            updatedAt: ruleset.updatedAt,
        });
    }
    grant(spaceId, userId) {
        return this.#tables.spaceMembers.one('space_id = ? AND user_id = ?', [spaceId, userId]);
    }
    setGrant(grant) {
        this.#db.transaction(() => {
            this.#tables.spaceMembers.delete('space_id = ? AND user_id = ?', [grant.spaceId, grant.userId]);
            this.#tables.spaceMembers.insert(grant);
        })();
    }
    zones(spaceId) {
        return this.#tables.spaceZones.select('space_id = ?', [spaceId], 'ORDER BY name');
    }
    zone(spaceId, name) {
        return this.#tables.spaceZones.one('space_id = ? AND name = ?', [spaceId, name]);
    }
    failZone(spaceId, name, at) {
        return this.#db.transaction(() => {
            const zone = this.zone(spaceId, name);
            if (zone?.healthy === true && this.#tables.spaceZones.select('space_id = ? AND healthy = 1', [spaceId]).length <= 1)
                return false;
            this.#tables.spaceZones.update({ healthy: false, updatedAt: at }, 'space_id = ? AND name = ?', [spaceId, name]);
            return true;
        })();
    }
    recoverZone(spaceId, name, at) {
        this.#tables.spaceZones.update({ healthy: true, updatedAt: at }, 'space_id = ? AND name = ?', [spaceId, name]);
    }
    #patch(spaceId, patch) {
        this.#tables.spaces.update(patch, 'id = ?', [spaceId]);
        const updated = this.byId(spaceId);
        if (updated === undefined)
            throw new Error(`Cannot update space "${spaceId}": it does not exist`);
        return updated;
    }
    #freeShortId() {
        for (;;) {
            const id = randomBytes(4).toString('hex');
            if (this.#tables.spaces.one('short_id = ?', [id]) === undefined)
                return id;
        }
    }
    listByAge() {
        return this.#tables.spaces.select('', [], 'ORDER BY created_at');
    }
    recordNetwork(spaceId, network) {
        this.#tables.spaces.update({ state: network.state, outboundIps: [...network.outboundIps], lastError: null, updatedAt: new Date().toISOString() }, 'id = ?', [spaceId]);
    }
    recordLastError(spaceId, message) {
        this.#tables.spaces.update({ lastError: message }, 'id = ?', [spaceId]);
    }
    forgetDeleted(spaceId) {
        this.#tables.spaces.delete("id = ? AND state = 'deleting'", [spaceId]);
    }
}
//# sourceMappingURL=sqlite-spaces-store.js.map