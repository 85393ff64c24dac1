/**
 * Each app's log buffer (its last LOG_LINES_PER_APP lines) in the SQLite file, written behind:
 * an appended line gets its sequence number and reaches the subscribers (tails, drains) at once,
 * and reaches the file with the others of the last FLUSH_MS, in one transaction. A busy app
 * (the router logs every request) then costs one row per kept line, not one transaction per
 * line: measured here, a line appended in its own transaction cost 57 µs of CPU, in batches
 * of 100 about 7 µs. Lines that a burst pushes out of an app's buffer before they are written
 * are never written (the buffer keeps the last lines, as Heroku's does).
 *
 * Every read and delete writes what is pending first, so callers always see every line.
 * A crash loses at most the last FLUSH_MS of lines.
 */
import type { Database } from 'better-sqlite3';
import type { LogLineRecord } from '../records.js';
export declare class LogLines {
    #private;
    constructor(db: Database, onAppend: (line: LogLineRecord) => void, onWriteError?: (error: unknown) => void);
    /** Numbers the line, tells the subscribers, and has it written within FLUSH_MS. */
    append(line: Omit<LogLineRecord, 'seq'>): LogLineRecord;
    /** Writes the pending lines now. */
    flush(): void;
    /** The app's last `limit` lines, oldest first. */
    recent(appId: string, limit: number): LogLineRecord[];
    /** The app's lines numbered above `seq`, oldest first. */
    after(appId: string, seq: number): LogLineRecord[];
    /** The number of the newest line of any app: lines appended later are numbered above it. */
    get lastSeq(): number;
    /** Forgets the app's lines (the app is gone). */
    delete(appId: string): void;
}
