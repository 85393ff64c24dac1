/**
 * LinuxRuntime.listenInSpace() inside this file's sandbox: sockets bound on a space's virtual
 * address inside its network and served by this (host-namespace) process, checked through real
 * connections from inside the space and from the host.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { enterSandbox } from '../support/sandbox.js';
import type * as Platform from '@cove/platform';
import type * as Lab from './lab.js';

const inSandbox = enterSandbox(import.meta.url);

describe('LinuxRuntime.listenInSpace()', { skip: inSandbox ? false : 'needs root' }, () => {
  let lab: typeof Lab;
  let runtime: Platform.LinuxRuntime;
  let space: Platform.SpaceSpec;

  before(async () => {
    lab = await import('./lab.js');
    const { LinuxRuntime } = await import('@cove/platform');
    runtime = new LinuxRuntime(await lab.runtimeOptions('listen'));
    await runtime.start();
    space = lab.spaceSpec();
    await runtime.applySpace(space);
  });
  after(async () => {
    await runtime?.cleanup();
  });

  test('listenInSpace() hands back UDP and TCP sockets on the space DNS address, served from the host process', async () => {
    const { address, udp, tcp } = await runtime.listenInSpace(space.id, { vip: 'dns', port: 53, udp: true, tcp: true });
    assert.equal(address, '10.0.0.2');
    assert.ok(udp && tcp);
    try {
      tcp.on('connection', (c) => c.end('tcp from the host process\n'));
      udp.on('message', (_m, r) => udp.send('udp from the host process\n', r.port, r.address));
      const ns = lab.spaceNetns(lab.spaceShortId(runtime, space.id));
      assert.equal(await lab.probe(ns, 'tcp', address, 53), 'ok "tcp from the host process"');
      assert.equal(await lab.probe(ns, 'udp', address, 53), 'ok "udp from the host process"');
      // The host namespace has no such address and no route into the space.
      assert.match(await lab.probe(null, 'tcp', address, 53, 500), /^fail/);
    } finally {
      udp.close();
      tcp.close();
    }
  });

  test('listenInSpace() fails with LISTEN_FAILED when the port is taken, and SPACE_NOT_FOUND for an unknown space', async () => {
    const first = await runtime.listenInSpace(space.id, { vip: 'router', port: 8080, udp: false, tcp: true });
    try {
      await assert.rejects(runtime.listenInSpace(space.id, { vip: 'router', port: 8080, udp: false, tcp: true }), (error: Error & { code?: string }) => {
        assert.equal(error.code, 'LISTEN_FAILED');
        assert.match(error.message, /^Cannot listen on 10\.0\.0\.10:8080 in "cvs-[0-9a-f]+": EADDRINUSE/);
        return true;
      });
    } finally {
      first.tcp?.close();
    }
    await assert.rejects(runtime.listenInSpace('no-such-space', { vip: 'dns', port: 53, udp: true, tcp: false }), { code: 'SPACE_NOT_FOUND' });
  });
});
