/**
 * Reads a log session's `logplex_url` (Server-Sent Events) the way the heroku CLI does: each
 * event's data is one or more log lines. Without `tail` the server closes the stream after the
 * history; with `tail` the stream is reopened after a close, with `Last-Event-ID`, until the
 * session expires (403/404: "Log stream timed out"), also while the server is restarting.
 */
import { CliError } from './cli-error.js';

export interface LogStreamOptions {
  tail: boolean;
  userAgent: string;
  onLine(line: string): void;
  /** Wait before reopening a tail the server closed. @default 1000 */
  reconnectMs?: number;
  signal?: AbortSignal;
}

export async function readLogStream(url: string, options: LogStreamOptions): Promise<void> {
  let lastEventId: string | undefined;
  for (;;) {
    let res: Response;
    try {
      res = await fetch(url, {
        headers: {
          Accept: 'text/event-stream',
          'User-Agent': options.userAgent,
          ...(lastEventId === undefined ? {} : { 'Last-Event-ID': lastEventId }),
        },
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
    } catch (error) {
      if (options.signal?.aborted === true) return;
      if (!options.tail) throw new CliError(`Cannot read the log stream: ${(error as Error).message}`, { cause: error });
      // A tail outlives a server restart, as EventSource does: try again shortly.
      await new Promise((resolve) => setTimeout(resolve, options.reconnectMs ?? 1000));
      continue;
    }
    if (res.status === 403 || res.status === 404) {
      if (options.tail) throw new CliError('Log stream timed out. Please try again.');
      throw new CliError(`Log stream failed: ${res.status}`);
    }
    if (!res.ok || res.body === null) throw new CliError(`Log stream failed: ${res.status}`);
    const read = await readEvents(res.body, options.onLine);
    lastEventId = read.lastId ?? lastEventId;
    if (options.signal?.aborted === true) return;
    if (read.error !== undefined && !options.tail) throw new CliError(`The log stream broke off: ${read.error.message}`, { cause: read.error });
    if (!options.tail) return;
    await new Promise((resolve) => setTimeout(resolve, options.reconnectMs ?? 1000));
  }
}

/** Feeds each event's data lines to `onLine`; returns the last event id seen, and why it stopped early. */
async function readEvents(body: ReadableStream<Uint8Array>, onLine: (line: string) => void): Promise<{ lastId: string | undefined; error?: Error }> {
  const decoder = new TextDecoder();
  let buffer = '';
  let id: string | undefined;
  let lastId: string | undefined;
  let data: string[] = [];
  try {
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let nl: number;
      while ((nl = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, nl).replace(/\r$/, '');
        buffer = buffer.slice(nl + 1);
        if (line === '') {
          for (const text of data) if (text.trim() !== '') onLine(text);
          if (id !== undefined) lastId = id;
          data = [];
          id = undefined;
        } else if (line.startsWith('data:')) data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
        else if (line.startsWith('id:')) id = line.slice(3).trim();
      }
    }
  } catch (error) {
    return { lastId, error: error instanceof Error ? error : new Error(String(error)) };
  }
  return { lastId };
}
