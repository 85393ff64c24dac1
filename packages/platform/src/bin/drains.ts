#!/usr/bin/env node
/**
 * The drain forwarder process, started by `DrainProcess` as `drains.js --dir <dir>`. It is
 * reached over its control channel (`<dir>/control.sock`) and outlives the server that started
 * it, delivering what it buffered: it stops on a `close` request, SIGTERM, or when `<dir>`
 * disappears (the data dir was removed). Drop reports made while no server listens are kept
 * (merged per drain and app) and sent to the next one.
 */
import { existsSync } from 'node:fs';
import type { DrainDropReport } from '../dataplane/drains/drain-feed.js';
import { DrainForwarder } from '../dataplane/drains/drain-forwarder.js';
import {
  DRAIN_PROTOCOL,
  drainPaths,
  type DrainControlEvent,
  type DrainControlMessage,
  type DrainControlRequest,
  type DrainHello,
} from '../dataplane/drains/drain-process.js';
import { listenControl, type ControlServer } from '../shared/control-channel.js';

const dirFlag = process.argv.indexOf('--dir');
const dir = dirFlag < 0 ? undefined : process.argv[dirFlag + 1];
if (dir === undefined) {
  process.stderr.write('cove drains: usage: drains.js --dir <dir> (started by cove server)\n');
  process.exit(2);
}

let forwarder: DrainForwarder | null = null;
let control: ControlServer | null = null;
let exiting = false;
/** Drop reports nobody heard yet (no server connected), by drain and app. */
const unreported = new Map<string, DrainDropReport>();

function report(dropped: DrainDropReport): void {
  if (control !== null && control.clients > 0) {
    control.broadcast({ type: 'dropped', report: dropped } satisfies DrainControlEvent);
    return;
  }
  const key = `${dropped.drainId} ${dropped.appId}`;
  const held = unreported.get(key);
  unreported.set(key, held === undefined ? dropped : { ...held, count: held.count + dropped.count });
}

function handle(request: DrainControlRequest): unknown {
  switch (request.type) {
    case 'hello':
      // The new server hears what was dropped while none listened (just after this answer).
      setImmediate(() => {
        const held = [...unreported.values()];
        unreported.clear();
        for (const dropped of held) report(dropped);
      });
      return { protocol: DRAIN_PROTOCOL, pid: process.pid, initialised: forwarder !== null } satisfies DrainHello;
    case 'init':
      forwarder ??= new DrainForwarder({ capacity: request.capacity, ca: request.ca, onDrop: report });
      return undefined;
    case 'feed':
      if (forwarder === null) throw new Error('Cannot take the drain feed: no init request yet');
      forwarder.update(request.feed);
      return undefined;
    case 'close':
      setImmediate(() => void exit(0));
      return undefined;
  }
}

async function exit(code: number): Promise<void> {
  if (exiting) return;
  exiting = true;
  forwarder?.close();
  await control?.close().catch(() => undefined);
  process.exit(code);
}

process.on('SIGTERM', () => void exit(0));
process.on('SIGINT', () => void exit(0));
process.on('SIGHUP', () => undefined);

control = await listenControl(drainPaths(dir).control, {
  request: (request) => handle(request as DrainControlRequest),
  message: (message) => {
    const m = message as DrainControlMessage;
    if (m.type === 'lines') forwarder?.push(m.lines);
  },
});

setInterval(() => {
  if (!existsSync(dir)) void exit(0);
}, 1000);
