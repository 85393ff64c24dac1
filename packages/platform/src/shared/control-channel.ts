/**
 * A data-plane child's control channel: newline-delimited JSON over a unix socket in the data
 * directory. Unlike an IPC channel it does not belong to the parent that started the child, so
 * the next `cove server` reconnects to a child an earlier one left running (adoption).
 *
 * Client → child: `{"id": n, "request": {...}}` is answered `{"id": n, "ok": true, "result": …}`
 * or `{"id": n, "ok": false, "error": "…"}`; `{"message": {...}}` needs no answer (log lines).
 * Child → every client: `{"event": {...}}` (drop reports, socket errors).
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import net from 'node:net';

/** What travels on the channel: plain JSON objects with a `type`. */
export interface ControlBody {
  readonly type: string;
}

/** One line the child receives. */
type ClientLine = { readonly id: number; readonly request: ControlBody } | { readonly message: ControlBody };
/** One line a client receives. */
type ChildLine = { readonly id: number; readonly ok: true; readonly result?: unknown } | { readonly id: number; readonly ok: false; readonly error: string } | { readonly event: ControlBody };

export class ControlChannelError extends Error {
  override readonly name = 'ControlChannelError';
}

/** Longest line either side accepts (a feed of thousands of apps fits). */
const MAX_LINE_BYTES = 64 * 1024 * 1024;

/** Splits a socket's data into JSON lines; a malformed or overlong line destroys the socket. */
function readLines(socket: net.Socket, onLine: (value: unknown) => void): void {
  let buffered = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffered += chunk;
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.trim() !== '') {
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch {
          socket.destroy(new ControlChannelError('malformed line on the control channel'));
          return;
        }
        onLine(value);
      }
      newline = buffered.indexOf('\n');
    }
    if (buffered.length > MAX_LINE_BYTES) socket.destroy(new ControlChannelError('overlong line on the control channel'));
  });
}

export interface ControlServer {
  /** How many clients are connected. */
  readonly clients: number;
  /** Sends `event` to every connected client. */
  broadcast<E extends ControlBody>(event: E): void;
  /** Stops listening, drops every client and removes the socket file. */
  close(): Promise<void>;
}

export interface ControlServerHandlers {
  /** Answers a request; a rejection becomes `{ok: false, error}`. */
  readonly request: (request: ControlBody) => unknown;
  /** Takes a message that needs no answer. */
  readonly message?: (message: ControlBody) => void;
}

/** The child's side: listens at `path` (replacing a stale socket file). */
export async function listenControl(path: string, handlers: ControlServerHandlers): Promise<ControlServer> {
  if (existsSync(path)) await rm(path, { force: true });
  const clients = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    clients.add(socket);
    socket.on('close', () => clients.delete(socket));
    socket.on('error', () => socket.destroy());
    const reply = (line: ChildLine): void => {
      if (!socket.destroyed) socket.write(`${JSON.stringify(line)}\n`);
    };
    // Requests and messages are handled in the order they came (an attach finishes before a later detach).
    let queue: Promise<void> = Promise.resolve();
    readLines(socket, (value) => {
      const line = value as Partial<{ id: unknown; request: ControlBody; message: ControlBody }>;
      if (line.message !== undefined && typeof line.message === 'object' && line.message !== null) {
        // In order with the requests around it (lines after a feed go to the feed's drains).
        const message = line.message;
        queue = queue.then(() => handlers.message?.(message)).catch(() => undefined);
        return;
      }
      const id = line.id;
      const request = line.request;
      if (typeof id !== 'number' || request === undefined || typeof request !== 'object' || request === null) {
        socket.destroy(new ControlChannelError('a control line is neither a request nor a message'));
        return;
      }
      queue = queue.then(async () => {
        try {
          const result: unknown = await handlers.request(request);
          reply(result === undefined ? { id, ok: true } : { id, ok: true, result });
        } catch (error) {
          reply({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
        }
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    get clients() {
      return clients.size;
    },
    broadcast(event) {
      const text = `${JSON.stringify({ event } satisfies ChildLine)}\n`;
      for (const socket of clients) if (!socket.destroyed) socket.write(text);
    },
    async close() {
      for (const socket of clients) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(path, { force: true });
    },
  };
}

export interface ControlClientOptions {
  /** Events the child broadcasts. */
  readonly onEvent?: (event: ControlBody) => void;
  /** The connection ended (the child exited or closed it); pending requests have failed. */
  readonly onClose?: () => void;
}

/** The parent's side of one connection. */
export class ControlClient {
  readonly #socket: net.Socket;
  readonly #waiters = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  #nextId = 1;
  #closed = false;

  private constructor(socket: net.Socket, options: ControlClientOptions) {
    this.#socket = socket;
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.#closed = true;
      for (const waiter of this.#waiters.values()) waiter.reject(new ControlChannelError('the control channel closed'));
      this.#waiters.clear();
      options.onClose?.();
    });
    readLines(socket, (value) => {
      const line = value as Partial<{ id: number; ok: boolean; result: unknown; error: string; event: ControlBody }>;
      if (line.event !== undefined) {
        options.onEvent?.(line.event);
        return;
      }
      const waiter = typeof line.id === 'number' ? this.#waiters.get(line.id) : undefined;
      if (waiter === undefined || line.id === undefined) return;
      this.#waiters.delete(line.id);
      if (line.ok === true) waiter.resolve(line.result);
      else waiter.reject(new ControlChannelError(line.error ?? 'the request failed'));
    });
  }

  /** Connects to the child listening at `path`; rejects when nothing listens there. */
  static connect(path: string, options: ControlClientOptions = {}): Promise<ControlClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(path);
      socket.once('error', reject);
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(new ControlClient(socket, options));
      });
    });
  }

  /** Connects, retrying while the socket is not there yet, until `timeoutMs` passed. */
  static async connectWithin(path: string, timeoutMs: number, options: ControlClientOptions = {}): Promise<ControlClient> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await ControlClient.connect(path, options);
      } catch (error) {
        if (Date.now() >= deadline) throw new ControlChannelError(`Cannot reach the control channel at ${path}: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Bytes queued for the child and not yet written out. */
  get backlog(): number {
    return this.#socket.writableLength;
  }

  /** Sends a request; resolves with the child's result. */
  request<T = unknown, R extends ControlBody = ControlBody>(request: R): Promise<T> {
    if (this.#closed) return Promise.reject(new ControlChannelError(`Cannot send "${request.type}": the control channel is closed`));
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#waiters.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#socket.write(`${JSON.stringify({ id, request } satisfies ClientLine)}\n`);
    });
  }

  /** Sends a message that gets no answer; false when the channel is closed. */
  send<M extends ControlBody>(message: M): boolean {
    if (this.#closed) return false;
    this.#socket.write(`${JSON.stringify({ message } satisfies ClientLine)}\n`);
    return true;
  }

  /** Ends the connection once everything written has gone out (the child keeps running). */
  end(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    return new Promise((resolve) => {
      this.#socket.once('close', () => resolve());
      this.#socket.end();
    });
  }
}
