/**
 * Heroku's Range pagination (contract §1.4): `version ..; max=15, order=desc`,
 * `id ..; max=1000;`, `]<value>..; max=N` (our own Next-Range echoed back). An empty
 * header means the first page in ascending order.
 */
import { RangeNotSatisfiableError } from '../../shared/errors.js';
export const DEFAULT_MAX = 200;
export const LIMIT_MAX = 1000;
export function parseRange(header, allowedFields, defaultField) {
    const value = (header ?? '').trim();
    const range = { field: defaultField, start: null, startExclusive: false, max: DEFAULT_MAX, order: 'asc' };
    if (value === '')
        return range;
    const full = /^(\]?)([^;]*?)(?:;(.*))?$/.exec(value);
    if (full === null)
        throw new RangeNotSatisfiableError(value);
    // Form 1: "<field> [start]..[end]"; form 2: "]<start>.."; both take "; max=N, order=asc|desc".
    const head = (full[2] ?? '').trim();
    const exclusive = full[1] === ']';
    const params = full[3] ?? '';
    const headMatch = exclusive ? /^(.*?)\.\.(.*)$/.exec(head) : /^([a-z_]+)(?:\s+(.*?))?\s*\.\.\s*(.*)$/i.exec(head);
    if (headMatch === null)
        throw new RangeNotSatisfiableError(value);
    if (exclusive) {
        range.start = headMatch[1] ?? null;
        range.startExclusive = true;
    }
    else {
        const field = headMatch[1] ?? '';
        if (!allowedFields.includes(field))
            throw new RangeNotSatisfiableError(value);
        range.field = field;
        const start = (headMatch[2] ?? '').trim();
        range.start = start === '' ? null : start;
    }
    for (const part of params.split(/[;,]/)) {
        const p = part.trim();
        if (p === '')
            continue;
        const kv = /^(max|order)\s*=\s*([a-z0-9]+)$/i.exec(p);
        if (kv === null)
            throw new RangeNotSatisfiableError(value);
        if (kv[1] === 'max') {
            const max = Number(kv[2]);
            if (!Number.isInteger(max) || max < 1)
                throw new RangeNotSatisfiableError(value);
            range.max = Math.min(max, LIMIT_MAX);
        }
        else {
            if (kv[2] !== 'asc' && kv[2] !== 'desc')
                throw new RangeNotSatisfiableError(value);
            range.order = kv[2];
        }
    }
    return range;
}
/**
 * Applies a range to a list sorted by `key`; returns the page and the Next-Range header value
 * when more items follow.
 */
export function paginate(items, range, key) {
    const compare = (a, b) => typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
    const sorted = [...items].sort((a, b) => compare(key(a), key(b)) * (range.order === 'desc' ? -1 : 1));
    let from = 0;
    if (range.start !== null) {
        const typed = (item) => key(item);
        const start = typeof (sorted[0] === undefined ? '' : typed(sorted[0])) === 'number' ? Number(range.start) : range.start;
        from = sorted.findIndex((item) => {
            const c = compare(typed(item), start) * (range.order === 'desc' ? -1 : 1);
            return range.startExclusive ? c > 0 : c >= 0;
        });
        if (from === -1)
            from = sorted.length;
    }
    const page = sorted.slice(from, from + range.max);
    const last = page.at(-1);
    const more = from + range.max < sorted.length && last !== undefined;
    return {
        page,
        nextRange: more ? `]${String(key(last))}..; max=${range.max}, order=${range.order}` : null,
    };
}
//# sourceMappingURL=range.js.map