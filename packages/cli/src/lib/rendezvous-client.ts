/**
 * The client side of the rendezvous protocol (see the server's rendezvous-server.ts): TLS to
 * the attach URL's host, the secret line with `frames=1`, the handshake line, then raw output
 * one way and frames the other, so the terminal can be resized. The command's exit status comes
 * as the `\uFFFF heroku-command-exit-status: N` marker line, which is not printed.
 *
 * The server's certificate is checked against the system CAs plus NODE_EXTRA_CA_CERTS (Cove's
 * local CA, `<data dir>/tls/ca.crt`).
 */
import { isIP } from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import { connect } from 'node:tls';
import { CliError } from './cli-error.js';

const FRAME = { data: 0, resize: 1, end: 2 } as const;
const HANDSHAKE = 'rendezvous\r\n';
const MARKER = /\uFFFF heroku-command-exit-status: (\d+)\r?\n?/;
const MAX_FRAME = 0xffff;

export interface Terminal {
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  write(text: string): unknown;
  /** The local terminal's size and resize events, when stdout is one. */
  readonly columns?: number;
  readonly rows?: number;
  onResize?(listener: () => void): () => void;
}

function frame(type: number, payload: Buffer = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(3);
  header[0] = type;
  header.writeUInt16BE(payload.length, 1);
  return Buffer.concat([header, payload]);
}

/** Connects to `attachUrl`, streams until the dyno's command ends, resolves with its status. */
export function attachToDyno(attachUrl: string, terminal: Terminal): Promise<number> {
  const url = new URL(attachUrl);
  if (url.protocol !== 'rendezvous:') throw new CliError(`Cannot attach to ${url.protocol} dynos`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const secretLine = `${url.pathname.slice(1)}${url.search === '' ? '?' : `${url.search}&`}frames=1\r\n`;
  return new Promise<number>((resolve, reject) => {
    const socket = connect({ host, port: Number(url.port), ...(isIP(host) === 0 ? { servername: host } : {}) });
    socket.setNoDelay(true);
    const decoder = new StringDecoder('utf8');
    let handshake = '';
    let shaken = false;
    let pending = '';
    let status: number | null = null;
    let stopResize: (() => void) | undefined;
    const stdin = terminal.stdin;
    const raw = stdin.isTTY === true && typeof stdin.setRawMode === 'function';
    const onInput = (chunk: Buffer | string): void => {
      const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      for (let i = 0; i < data.length; i += MAX_FRAME) socket.write(frame(FRAME.data, data.subarray(i, i + MAX_FRAME)));
    };
    const onEnd = (): void => void socket.write(frame(FRAME.end));
    const sendSize = (): void => {
      if (terminal.columns === undefined || terminal.rows === undefined) return;
      const size = Buffer.alloc(4);
      size.writeUInt16BE(Math.min(terminal.columns, MAX_FRAME), 0);
      size.writeUInt16BE(Math.min(terminal.rows, MAX_FRAME), 2);
      socket.write(frame(FRAME.resize, size));
    };
    const output = (text: string): void => {
      pending += text;
      const m = MARKER.exec(pending);
      if (m !== null) {
        status = Number(m[1]);
        pending = pending.slice(0, m.index) + pending.slice(m.index + m[0].length);
      }
      // Hold back a possible start of the marker (it begins with U+FFFF).
      const hold = pending.lastIndexOf('\uFFFF');
      const flush = status === null && hold >= 0 ? pending.slice(0, hold) : pending;
      if (flush !== '') terminal.write(flush);
      pending = pending.slice(flush.length);
    };
    socket.once('secureConnect', () => socket.write(secretLine));
    socket.on('data', (chunk: Buffer) => {
      const text = decoder.write(chunk);
      if (shaken) return output(text);
      handshake += text;
      const end = handshake.indexOf('\n');
      if (end < 0) return;
      shaken = true;
      const rest = handshake.slice(end + 1);
      if (handshake.slice(0, end + 1) !== HANDSHAKE) output(handshake.slice(0, end + 1));
      if (raw) stdin.setRawMode?.(true);
      stdin.on('data', onInput);
      stdin.once('end', onEnd);
      stdin.resume();
      sendSize();
      stopResize = terminal.onResize?.(sendSize);
      if (rest !== '') output(rest);
    });
    const finish = (): void => {
      stdin.off('data', onInput);
      stdin.off('end', onEnd);
      stdin.pause();
      if (raw) stdin.setRawMode?.(false);
      stopResize?.();
      if (pending !== '') terminal.write(pending);
      pending = '';
    };
    socket.once('error', (error) => {
      finish();
      reject(new CliError(`Cannot attach to the dyno at ${url.host}: ${error.message}`, { cause: error }));
    });
    socket.once('close', () => {
      finish();
      if (!shaken) reject(new CliError('The dyno session closed before it started'));
      else resolve(status ?? 0);
    });
  });
}
