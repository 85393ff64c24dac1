/**
 * Delivery to an `https://` (or `http://`) drain as Heroku's logplex does it: POST batches of
 * up to 500 octet-counted frames, `Content-Type: application/logplex-1` with the
 * `Logplex-Msg-Count`, `Logplex-Frame-Id` and `Logplex-Drain-Token` headers. One request is in
 * flight at a time; lines arriving meanwhile form the next batch, so a quiet app's line leaves
 * at once and a busy app's lines share requests. Failed batches are retried with back-off
 * (a 4xx other than 408/429 drops the batch: retrying cannot fix it).
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { DrainBuffer, type DroppedLines } from './drain-buffer.js';
import type { DrainLine, DrainTarget } from './drain-feed.js';
import { logplexFrame } from './syslog-message.js';
import type { Drain, DrainOptions } from './syslog-drain.js';

/** Heroku's batch limit. */
const MAX_BATCH = 500;
const MIN_BACKOFF_MS = 200;
const MAX_BACKOFF_MS = 10_000;

export class HttpsDrain implements Drain {
  target: DrainTarget;
  readonly #url: URL;
  readonly #options: DrainOptions;
  readonly #buffer: DrainBuffer;
  readonly #agent: http.Agent;
  #inFlight = false;
  #closed = false;
  #backoff = MIN_BACKOFF_MS;
  #retry: NodeJS.Timeout | null = null;
  #request: http.ClientRequest | null = null;

  constructor(target: DrainTarget, options: DrainOptions) {
    this.target = target;
    this.#url = new URL(target.url);
    this.#options = options;
    this.#buffer = new DrainBuffer(options.capacity);
    const secure = this.#url.protocol === 'https:';
    this.#agent = secure
      ? new https.Agent({ keepAlive: true, maxSockets: 1, ca: [...tls.rootCertificates, ...options.ca] })
      : new http.Agent({ keepAlive: true, maxSockets: 1 });
  }

  push(line: DrainLine): void {
    this.#buffer.push(line);
    this.#pump();
  }

  takeDropped(): Map<string, DroppedLines> {
    return this.#buffer.takeDropped();
  }

  close(): void {
    this.#closed = true;
    if (this.#retry !== null) clearTimeout(this.#retry);
    this.#request?.destroy();
    this.#agent.destroy();
  }

  #pump(): void {
    if (this.#closed || this.#inFlight || this.#retry !== null || this.#buffer.length === 0) return;
    const batch: DrainLine[] = [];
    while (batch.length < MAX_BATCH) {
      const line = this.#buffer.shift();
      if (line === undefined) break;
      batch.push(line);
    }
    this.#send(batch, randomBytes(16).toString('hex').toUpperCase());
  }

  #send(batch: DrainLine[], frameId: string): void {
    this.#inFlight = true;
    const body = Buffer.concat(batch.map((line) => logplexFrame(line, this.target.apps[line.appId] ?? 'host')));
    const request = (this.#url.protocol === 'https:' ? https : http).request(this.#url, {
      method: 'POST',
      agent: this.#agent,
      timeout: this.#options.timeoutMs ?? 10_000,
      headers: {
        'Content-Type': 'application/logplex-1',
        'Content-Length': body.length,
        'Logplex-Msg-Count': batch.length,
        'Logplex-Frame-Id': frameId,
        'Logplex-Drain-Token': this.target.token,
        'User-Agent': 'Logplex/v1 (Cove)',
      },
    });
    this.#request = request;
    let settled = false;
    const settle = (outcome: 'delivered' | 'retry' | 'refused'): void => {
      if (settled) return;
      settled = true;
      this.#request = null;
      this.#inFlight = false;
      if (this.#closed) return;
      if (outcome === 'retry') {
        this.#buffer.unshift(batch);
        this.#retry = setTimeout(() => {
          this.#retry = null;
          this.#pump();
        }, this.#backoff);
        this.#backoff = Math.min(this.#backoff * 2, MAX_BACKOFF_MS);
        return;
      }
      if (outcome === 'refused') for (const line of batch) this.#buffer.drop(line);
      this.#backoff = MIN_BACKOFF_MS;
      this.#pump();
    };
    request.on('response', (res) => {
      res.resume();
      const status = res.statusCode ?? 0;
      res.on('end', () =>
        settle(status >= 200 && status < 300 ? 'delivered' : status >= 400 && status < 500 && status !== 408 && status !== 429 ? 'refused' : 'retry'),
      );
      res.on('error', () => settle('retry'));
    });
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', () => settle('retry'));
    request.end(body);
  }
}
