export class Table {
    name;
    #db;
    #columns;
    #byColumn;
    #insert;
    #cache = new Map();
    constructor(db, name, fields) {
        this.#db = db;
        this.name = name;
        this.#columns = Object.entries(fields).map(([field, kind]) => [
            field,
            `"${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}"`,
            kind,
        ]);
        this.#byColumn = new Map(this.#columns.map(([f, c, k]) => [c.slice(1, -1), [f, k]]));
        const cols = this.#columns.map(([, c]) => c);
        this.#insert = db.prepare(`INSERT INTO ${name} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
    }
    /** The quoted column for a field, for hand-written WHERE clauses. */
    column(field) {
        const entry = this.#columns.find(([f]) => f === field);
        if (entry === undefined)
            throw new TypeError(`Unknown field "${field}" of table "${this.name}"`);
        return entry[1];
    }
    insert(record) {
        this.#insert.run(...this.#columns.map(([f, , k]) => encode(record[f], k)));
        return record;
    }
    /** Rows matching `where` (SQL after WHERE, with ? placeholders), decoded. */
    select(where, params = [], suffix = '') {
        const sql = `SELECT * FROM ${this.name}${where === '' ? '' : ` WHERE ${where}`} ${suffix}`;
        return this.#statement(sql).all(...params).map((row) => this.#decode(row));
    }
    one(where, params = []) {
        return this.select(where, params, 'LIMIT 1')[0];
    }
    /** Updates the given fields of the rows matching `where`; returns the number changed. */
    update(patch, where, params = []) {
        const entries = this.#columns.filter(([f]) => f in patch);
        if (entries.length === 0)
            return 0;
        const sql = `UPDATE ${this.name} SET ${entries.map(([, c]) => `${c} = ?`).join(', ')} WHERE ${where}`;
        const values = entries.map(([f, , k]) => encode(patch[f], k));
        return this.#statement(sql).run(...values, ...params).changes;
    }
    delete(where, params = []) {
        return this.#statement(`DELETE FROM ${this.name} WHERE ${where}`).run(...params).changes;
    }
    #statement(sql) {
        let statement = this.#cache.get(sql);
        if (statement === undefined) {
            statement = this.#db.prepare(sql);
            this.#cache.set(sql, statement);
        }
        return statement;
    }
    #decode(row) {
        const out = {};
        for (const [column, value] of Object.entries(row)) {
            const entry = this.#byColumn.get(column);
            if (entry === undefined)
                continue;
            const [field, kind] = entry;
            out[field] = decode(value, kind);
        }
        return out;
    }
}
function encode(value, kind) {
    if (value === undefined || value === null)
        return null;
    switch (kind) {
        case 'bool':
            return value === true ? 1 : 0;
        case 'json':
            return JSON.stringify(value);
        case 'int':
        case 'text':
            return value;
    }
}
function decode(value, kind) {
    if (value === null)
        return null;
    switch (kind) {
        case 'bool':
            return value === 1;
        case 'json':
            return JSON.parse(String(value));
        case 'int':
        case 'text':
            return value;
    }
}
//# sourceMappingURL=table.js.map