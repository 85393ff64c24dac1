import { LOG_LINES_PER_APP } from '../store.js';
import { Table } from './table.js';
/**
 * How long an appended line may wait to be written. The longer, the fewer lines a busy app
 * writes only to trim them: at most LOG_LINES_PER_APP rows per app per interval.
 */
const FLUSH_MS = 1000;
export class LogLines {
    #db;
    #table;
    #insert;
    #trim;
    #write;
    /** Appended lines not yet in the file, by app, oldest first. */
    #pending = new Map();
    #timer = null;
    #lastSeq;
    #onAppend;
    #onWriteError;
    constructor(db, onAppend, onWriteError = () => { }) {
        this.#db = db;
        this.#onAppend = onAppend;
        this.#onWriteError = onWriteError;
        this.#table = new Table(db, 'log_lines', {
            seq: 'int', appId: 'text', time: 'text', source: 'text', dyno: 'text', message: 'text',
        });
        this.#insert = db.prepare('INSERT INTO log_lines (seq, app_id, time, source, dyno, message) VALUES (?, ?, ?, ?, ?, ?)');
        this.#trim = db.prepare('DELETE FROM log_lines WHERE app_id = ? AND seq <= (SELECT seq FROM log_lines WHERE app_id = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)');
        // Numbers never go back, not even past trimmed lines: a tail resumes after its last one.
        const row = db
            .prepare("SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'log_lines'), 0), COALESCE((SELECT MAX(seq) FROM log_lines), 0)) AS seq")
            .get();
        this.#lastSeq = row.seq;
        this.#write = db.transaction(() => {
            for (const [appId, lines] of this.#pending) {
                for (let i = Math.max(0, lines.length - LOG_LINES_PER_APP); i < lines.length; i++) {
                    const l = lines[i];
                    this.#insert.run(l.seq, l.appId, l.time, l.source, l.dyno, l.message);
                }
                this.#trim.run(appId, appId, LOG_LINES_PER_APP);
            }
        });
    }
    /** Numbers the line, tells the subscribers, and has it written within FLUSH_MS. */
    append(line) {
        const record = { seq: ++this.#lastSeq, appId: line.appId, time: line.time, source: line.source, dyno: line.dyno, message: line.message };
        const lines = this.#pending.get(line.appId);
        if (lines === undefined)
            this.#pending.set(line.appId, [record]);
        else {
            lines.push(record);
            // Older lines than the buffer holds would be trimmed as soon as written.
            if (lines.length >= 2 * LOG_LINES_PER_APP)
                lines.splice(0, lines.length - LOG_LINES_PER_APP);
        }
        if (this.#timer === null) {
            this.#timer = setTimeout(() => {
                try {
                    this.flush();
                }
                catch (error) {
                    this.#onWriteError(error);
                }
            }, FLUSH_MS);
            this.#timer.unref();
        }
        this.#onAppend(record);
        return record;
    }
    /** Writes the pending lines now. */
    flush() {
        if (this.#timer !== null)
            clearTimeout(this.#timer);
        this.#timer = null;
        if (this.#pending.size === 0 || !this.#db.open)
            return;
        try {
            this.#write();
        }
        finally {
            this.#pending = new Map();
        }
    }
    /** The app's last `limit` lines, oldest first. */
    recent(appId, limit) {
        this.flush();
        return this.#table.select('app_id = ?', [appId], `ORDER BY seq DESC LIMIT ${Math.max(0, Math.floor(limit))}`).reverse();
    }
    /** The app's lines numbered above `seq`, oldest first. */
    after(appId, seq) {
        this.flush();
        return this.#table.select('app_id = ? AND seq > ?', [appId, seq], 'ORDER BY seq');
    }
    /** The number of the newest line of any app: lines appended later are numbered above it. */
    get lastSeq() {
        return this.#lastSeq;
    }
    /** Forgets the app's lines (the app is gone). */
    delete(appId) {
        this.#pending.delete(appId);
        this.#table.delete('app_id = ?', [appId]);
    }
}
//# sourceMappingURL=log-lines.js.map