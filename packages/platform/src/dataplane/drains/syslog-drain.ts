/**
 * Delivery to a `syslog://` (TCP) or `syslog+tls://` drain: one long-lived connection, frames
 * written only while the socket's own buffer is small (a receiver that stops reading cannot
 * make this process hold more than its DrainBuffer), reconnects with back-off. TLS verifies
 * the receiver's certificate against the system CAs plus Cove's local CA.
 */
import net from 'node:net';
import tls from 'node:tls';
import { DrainBuffer, type DroppedLines } from './drain-buffer.js';
import type { DrainLine, DrainTarget } from './drain-feed.js';
import { syslogFrame } from './syslog-message.js';

export interface DrainOptions {
  /** Lines kept while the drain cannot take them. */
  readonly capacity: number;
  /** Trusted CA certificates (PEM) for TLS drains. */
  readonly ca: readonly string[];
  /** Connect and request timeout. @default 10_000 */
  readonly timeoutMs?: number;
}

/** What the forwarder sees of any drain. */
export interface Drain {
  target: DrainTarget;
  push(line: DrainLine): void;
  takeDropped(): Map<string, DroppedLines>;
  close(): void;
}

/** Bytes queued in the socket before we stop writing and let the DrainBuffer hold lines. */
const SOCKET_HIGH_WATER = 64 * 1024;
const MIN_BACKOFF_MS = 200;
const MAX_BACKOFF_MS = 10_000;

/** `[::1]` → `::1`: URL keeps brackets, sockets want the bare address. */
export function urlHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

export class SyslogDrain implements Drain {
  target: DrainTarget;
  readonly #url: URL;
  readonly #options: DrainOptions;
  readonly #buffer: DrainBuffer;
  #socket: net.Socket | null = null;
  #connected = false;
  #closed = false;
  #backoff = MIN_BACKOFF_MS;
  #retry: NodeJS.Timeout | null = null;

  constructor(target: DrainTarget, options: DrainOptions) {
    this.target = target;
    this.#url = new URL(target.url);
    this.#options = options;
    this.#buffer = new DrainBuffer(options.capacity);
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
    this.#socket?.destroy();
  }

  #pump(): void {
    if (this.#closed) return;
    const socket = this.#socket;
    if (socket === null || !this.#connected) {
      if (socket === null && this.#retry === null) this.#connect();
      return;
    }
    while (this.#buffer.length > 0 && socket.writableLength < SOCKET_HIGH_WATER) {
      const line = this.#buffer.shift();
      if (line !== undefined) socket.write(syslogFrame(line, this.target.apps[line.appId] ?? this.target.token));
    }
  }

  #connect(): void {
    const host = urlHost(this.#url);
    const port = Number(this.#url.port);
    const secure = this.#url.protocol === 'syslog+tls:';
    const socket = secure
      ? tls.connect({ host, port, ca: [...tls.rootCertificates, ...this.#options.ca], ...(net.isIP(host) === 0 ? { servername: host } : {}) })
      : net.connect({ host, port });
    this.#socket = socket;
    socket.setTimeout(this.#options.timeoutMs ?? 10_000, () => socket.destroy());
    socket.once(secure ? 'secureConnect' : 'connect', () => {
      socket.setTimeout(0);
      socket.setKeepAlive(true, 30_000);
      socket.setNoDelay(true);
      this.#connected = true;
      this.#backoff = MIN_BACKOFF_MS;
      this.#pump();
    });
    socket.on('drain', () => this.#pump());
    socket.on('data', () => {}); // receivers have nothing to say; keep the socket flowing
    socket.on('error', () => {}); // 'close' follows and schedules the retry
    socket.on('close', () => {
      this.#socket = null;
      this.#connected = false;
      if (this.#closed) return;
      this.#retry = setTimeout(() => {
        this.#retry = null;
        if (this.#buffer.length > 0) this.#connect();
      }, this.#backoff);
      this.#backoff = Math.min(this.#backoff * 2, MAX_BACKOFF_MS);
    });
  }
}
