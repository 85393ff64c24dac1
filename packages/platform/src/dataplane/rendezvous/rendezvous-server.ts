/**
 * Heroku's rendezvous protocol for attached one-off dynos (`heroku run`, `cove run`), over a
 * TLS connection the API listener hands over (see the contract, §11):
 *
 * 1. The client writes the attach URL's path without its leading `/` (the secret, plus any
 *    query) and `\r\n`.
 * 2. The server answers one line on its own, `rendezvous\r\n`: the heroku CLI discards the first
 *    chunk it receives, so no output may share it. It is sent as soon as the secret is known,
 *    while the dyno still starts, so the dyno's first output comes in later chunks.
 * 3. Then the dyno's output flows to the client and the client's bytes to the dyno's stdin. In
 *    the heroku CLI's non-tty mode the client sends `\u0004` after its stdin ended: that ends
 *    the dyno's stdin (on a tty the byte is the terminal's own EOF character anyway).
 * 4. When the command has ended the server writes `\uFFFF heroku-command-exit-status: N` (unless
 *    the command's output already carried that marker, as `heroku run -x` makes it print) and
 *    closes: the CLI exits with N, for `exit 3` as well, which never reaches `-x`'s echo.
 *
 * Cove's own client adds `?frames=1` to the secret line and then sends frames instead of raw
 * bytes, so it can resize the terminal: `[type u8][length u16 BE][payload]`, type 0 stdin bytes,
 * 1 resize (columns u16, lines u16), 2 end of stdin. Output is raw in both modes.
 *
 * A client that goes away before the command ended abandons the dyno (it is stopped).
 */
import type { Duplex } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import type { DynoAttachment } from '../../backends/runtime.js';

export const RENDEZVOUS_HANDSHAKE = 'rendezvous\r\n';
export const EXIT_STATUS_MARKER = '\uFFFF heroku-command-exit-status: ';
const MARKER_BYTES = Buffer.from(EXIT_STATUS_MARKER, 'utf8');
const MAX_SECRET_LINE = 1024;
const END_OF_TRANSMISSION = 0x04;

export const FRAME = { data: 0, resize: 1, end: 2 } as const;

export interface RendezvousOptions {
  /** The dyno a secret opens, once (secrets are single-use); null when unknown or used. */
  claim(secret: string): { dynoId: string; tty: boolean } | null;
  /** The attached dyno's stream once it runs; null while it does not (yet). */
  attach(dynoId: string): Promise<DynoAttachment | null>;
  /** The client went away before the command ended. */
  abandon(dynoId: string): void;
  /** How long a session waits for its dyno to start. @default 60000 */
  readonly startTimeoutMs?: number;
  /** How long a connection may take to send its secret line. @default 10000 */
  readonly secretLineTimeoutMs?: number;
  /** Silence (no byte either way) that ends a session. @default SESSION_IDLE_MS */
  readonly idleTimeoutMs?: number;
}

/** Heroku closes a one-off dyno's connection after an hour without input or output. */
export const SESSION_IDLE_MS = 60 * 60_000;

export class RendezvousServer {
  readonly #options: RendezvousOptions;
  readonly #sessions = new Set<Duplex>();
  #closed = false;

  constructor(options: RendezvousOptions) {
    this.#options = options;
  }

  /** Takes over a connection whose first bytes (`head`) have been read already. */
  handle(socket: Duplex, head: Buffer): void {
    if (this.#closed) {
      socket.destroy();
      return;
    }
    this.#sessions.add(socket);
    socket.once('close', () => this.#sessions.delete(socket));
    socket.on('error', () => socket.destroy());
    const tcp = socket as { setNoDelay?: (on: boolean) => void; setTimeout?: (ms: number, onTimeout?: () => void) => void };
    tcp.setNoDelay?.(true);
    // The secret line comes right after the handshake; a session then may be quiet for an hour.
    tcp.setTimeout?.(this.#options.secretLineTimeoutMs ?? 10_000, () => socket.destroy());
    let line = head;
    const onData = (chunk: Buffer): void => {
      line = Buffer.concat([line, chunk]);
      check();
    };
    const check = (): void => {
      const end = line.indexOf('\n');
      if (end < 0) {
        if (line.length > MAX_SECRET_LINE) socket.destroy();
        return;
      }
      socket.off('data', onData);
      socket.pause();
      tcp.setTimeout?.(this.#options.idleTimeoutMs ?? SESSION_IDLE_MS);
      const secretLine = line.subarray(0, end).toString('utf8').replace(/\r$/, '');
      const rest = line.subarray(end + 1);
      void this.#session(socket, secretLine, rest).catch(() => socket.destroy());
    };
    socket.on('data', onData);
    socket.resume();
    check();
  }

  /** Ends every session (the server stops). */
  close(): void {
    this.#closed = true;
    for (const socket of this.#sessions) socket.destroy();
  }

  async #session(socket: Duplex, secretLine: string, rest: Buffer): Promise<void> {
    const [secret = '', query = ''] = secretLine.split('?', 2);
    const framed = new URLSearchParams(query).get('frames') === '1';
    const claimed = this.#options.claim(secret);
    if (claimed === null) {
      socket.end(`${RENDEZVOUS_HANDSHAKE}`);
      return;
    }
    socket.write(RENDEZVOUS_HANDSHAKE);
    let gone = false;
    socket.once('close', () => (gone = true));
    const deadline = Date.now() + (this.#options.startTimeoutMs ?? 60_000);
    let attachment: DynoAttachment | null = null;
    while (attachment === null && !gone && Date.now() < deadline) {
      attachment = await this.#options.attach(claimed.dynoId);
      if (attachment === null) await delay(50);
    }
    if (attachment === null) {
      if (!gone) socket.end(`Timed out waiting for the dyno to start\r\n${EXIT_STATUS_MARKER}1\n`);
      this.#options.abandon(claimed.dynoId);
      return;
    }
    const dyno = attachment;
    let ended = false;
    socket.once('close', () => {
      if (!ended) this.#options.abandon(claimed.dynoId);
    });

    const input = framed ? frameReader(dyno) : rawReader(dyno, claimed.tty);
    if (rest.length > 0) input(rest);
    socket.on('data', input);
    socket.resume();

    let tail = Buffer.alloc(0);
    let sawMarker = false;
    dyno.output.on('data', (chunk: Buffer) => {
      if (!sawMarker) {
        const window = Buffer.concat([tail, chunk]);
        sawMarker = window.includes(MARKER_BYTES);
        tail = window.subarray(-MARKER_BYTES.length);
      }
      socket.write(chunk);
    });
    await new Promise<void>((resolve) => {
      dyno.output.once('end', resolve);
      dyno.output.once('close', resolve);
    });
    const status = await dyno.exited;
    ended = true;
    if (!gone) socket.end(sawMarker ? undefined : `${EXIT_STATUS_MARKER}${status}\n`);
  }
}

/** The heroku CLI's raw stream: bytes to stdin; without a tty a trailing \u0004 ends stdin. */
function rawReader(dyno: DynoAttachment, tty: boolean): (chunk: Buffer) => void {
  return (chunk) => {
    if (!tty && chunk.length > 0 && chunk[chunk.length - 1] === END_OF_TRANSMISSION) {
      if (chunk.length > 1) dyno.write(chunk.subarray(0, -1));
      dyno.endInput();
      return;
    }
    dyno.write(chunk);
  };
}

/** Cove's framed stream (see the header). */
function frameReader(dyno: DynoAttachment): (chunk: Buffer) => void {
  let buffer = Buffer.alloc(0);
  return (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    while (buffer.length >= 3) {
      const type = buffer[0];
      const length = buffer.readUInt16BE(1);
      if (buffer.length < 3 + length) return;
      const payload = buffer.subarray(3, 3 + length);
      buffer = buffer.subarray(3 + length);
      if (type === FRAME.data) dyno.write(payload);
      else if (type === FRAME.resize && payload.length >= 4) void dyno.resize(payload.readUInt16BE(0), payload.readUInt16BE(2)).catch(() => undefined);
      else if (type === FRAME.end) dyno.endInput();
    }
  };
}

/** One frame of Cove's framed client stream. */
export function encodeFrame(type: (typeof FRAME)[keyof typeof FRAME], payload: Buffer = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(3);
  header[0] = type;
  header.writeUInt16BE(payload.length, 1);
  return Buffer.concat([header, payload]);
}
