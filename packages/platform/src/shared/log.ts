/**
 * The server's own log (not app logs): one line per event, `at=<level> msg="…"` in Heroku's
 * key=value style, written to a stream the entry point chooses. Library code receives a Logger.
 */
import type { Writable } from 'node:stream';

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, error?: unknown): void;
}

export function createLogger(stream: Writable): Logger {
  const write = (level: string, message: string, fields: Record<string, unknown> = {}): void => {
    const extra = Object.entries(fields)
      .map(([k, v]) => ` ${k}=${typeof v === 'string' && !/\s/.test(v) ? v : JSON.stringify(v)}`)
      .join('');
    stream.write(`${new Date().toISOString()} cove[server]: at=${level} msg=${JSON.stringify(message)}${extra}\n`);
  };
  return {
    info: (message, fields) => write('info', message, fields),
    error: (message, error) => {
      const detail = error instanceof Error ? (error.stack ?? error.message) : error === undefined ? undefined : String(error);
      write('error', message, detail === undefined ? {} : { error: detail });
    },
  };
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = { info: () => {}, error: () => {} };
