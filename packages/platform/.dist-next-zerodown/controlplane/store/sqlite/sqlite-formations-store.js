/** Writes a release's formation changes; the caller holds the transaction. */
export function applyFormationChanges(tables, changes) {
    for (const row of changes.insert)
        tables.formations.insert(row);
    for (const { id, command } of changes.setCommand)
        tables.formations.update({ command, updatedAt: changes.at }, 'id = ?', [id]);
    for (const id of changes.remove)
        tables.formations.delete('id = ?', [id]);
}
export class SqliteFormationStore {
    #tables;
    #db;
    constructor(tables, db) {
        this.#tables = tables;
        this.#db = db;
    }
    list(appId) {
        return this.#tables.formations.select('app_id = ?', [appId], 'ORDER BY type');
    }
    ofType(appId, type) {
        return this.#tables.formations.one('app_id = ? AND type = ?', [appId, type]);
    }
    scale(changes, at) {
        this.#db.transaction(() => {
            for (const { id, ...fields } of changes)
                this.#tables.formations.update({ ...fields, updatedAt: at }, 'id = ?', [id]);
        })();
    }
    restartTypes(formationIds, at) {
        this.#db.transaction(() => {
            for (const id of formationIds) {
                const row = this.#tables.formations.one('id = ?', [id]);
                if (row !== undefined)
                    this.#tables.formations.update({ restartEpoch: row.restartEpoch + 1, updatedAt: at }, 'id = ?', [id]);
            }
        })();
    }
    restartDyno(formationId, number, at) {
        this.#db.transaction(() => {
            const row = this.#tables.formations.one('id = ?', [formationId]);
            if (row === undefined)
                return;
            const dynoEpochs = { ...row.dynoEpochs, [String(number)]: (row.dynoEpochs[String(number)] ?? 0) + 1 };
            this.#tables.formations.update({ dynoEpochs, updatedAt: at }, 'id = ?', [formationId]);
        })();
    }
}
//# sourceMappingURL=sqlite-formations-store.js.map