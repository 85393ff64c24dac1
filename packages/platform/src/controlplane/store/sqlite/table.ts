/**
 * Maps one record type to one SQLite table: camelCase fields ↔ snake_case columns, booleans
 * as 0/1, arrays and objects as JSON text. Keeps the store's SQL to the queries that matter.
 */
import type { Database, Statement } from 'better-sqlite3';

type Kind = 'text' | 'int' | 'bool' | 'json';

export class Table<R extends object> {
  readonly name: string;
  readonly #db: Database;
  readonly #columns: readonly (readonly [field: keyof R & string, column: string, kind: Kind])[];
  readonly #byColumn: Map<string, readonly [keyof R & string, Kind]>;
  readonly #insert: Statement;
  readonly #cache = new Map<string, Statement>();

  constructor(db: Database, name: string, fields: { [K in keyof R & string]: Kind }) {
    this.#db = db;
    this.name = name;
    this.#columns = Object.entries(fields).map(([field, kind]) => [
      field as keyof R & string,
      `"${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}"`,
      kind as Kind,
    ]);
    this.#byColumn = new Map(this.#columns.map(([f, c, k]) => [c.slice(1, -1), [f, k] as const]));
    const cols = this.#columns.map(([, c]) => c);
    this.#insert = db.prepare(`INSERT INTO ${name} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  }

  /** The quoted column for a field, for hand-written WHERE clauses. */
  column(field: keyof R & string): string {
    const entry = this.#columns.find(([f]) => f === field);
    if (entry === undefined) throw new TypeError(`Unknown field "${field}" of table "${this.name}"`);
    return entry[1];
  }

  insert(record: R): R {
    this.#insert.run(...this.#columns.map(([f, , k]) => encode(record[f], k)));
    return record;
  }

  /** Rows matching `where` (SQL after WHERE, with ? placeholders), decoded. */
  select(where: string, params: readonly unknown[] = [], suffix = ''): R[] {
    const sql = `SELECT * FROM ${this.name}${where === '' ? '' : ` WHERE ${where}`} ${suffix}`;
    return (this.#statement(sql).all(...params) as Record<string, unknown>[]).map((row) => this.#decode(row));
  }

  one(where: string, params: readonly unknown[] = []): R | undefined {
    return this.select(where, params, 'LIMIT 1')[0];
  }

  /** Updates the given fields of the rows matching `where`; returns the number changed. */
  update(patch: Partial<R>, where: string, params: readonly unknown[] = []): number {
    const entries = this.#columns.filter(([f]) => f in patch);
    if (entries.length === 0) return 0;
    const sql = `UPDATE ${this.name} SET ${entries.map(([, c]) => `${c} = ?`).join(', ')} WHERE ${where}`;
    const values = entries.map(([f, , k]) => encode(patch[f], k));
    return this.#statement(sql).run(...values, ...params).changes;
  }

  delete(where: string, params: readonly unknown[] = []): number {
    return this.#statement(`DELETE FROM ${this.name} WHERE ${where}`).run(...params).changes;
  }

  #statement(sql: string): Statement {
    let statement = this.#cache.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare(sql);
      this.#cache.set(sql, statement);
    }
    return statement;
  }

  #decode(row: Record<string, unknown>): R {
    const out: Record<string, unknown> = {};
    for (const [column, value] of Object.entries(row)) {
      const entry = this.#byColumn.get(column);
      if (entry === undefined) continue;
      const [field, kind] = entry;
      out[field] = decode(value, kind);
    }
    return out as R;
  }
}

function encode(value: unknown, kind: Kind): unknown {
  if (value === undefined || value === null) return null;
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

function decode(value: unknown, kind: Kind): unknown {
  if (value === null) return null;
  switch (kind) {
    case 'bool':
      return value === 1;
    case 'json':
      return JSON.parse(String(value)) as unknown;
    case 'int':
    case 'text':
      return value;
  }
}
