/**
 * Zero downtime end to end: a real `cove server` (linux runtime) in this file's sandbox, with
 * steady load on a public app from the simulated internet (one client opening a new connection
 * for every request, one keeping connections alive) and on an internal app from inside its space
 * (a new connection for every request), during every change that touches the router: rolling
 * deploys of 4 web dynos with the other CPU kept busy, a scale 2 → 8 → 2, the changes that still
 * load a new HAProxy generation (an app created and destroyed, a ruleset with a deny rule on the
 * space and on the app), `cove server` stopped with SIGTERM and started again, killed with
 * SIGKILL and started again, and replaced by another build. Not one request may fail, and the
 * router lines of requests served while the server was down reach the app's log afterwards.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { CoveServer, SERVER_ENTRY } from '../support/cove-server.js';
import { ROUTER_APP } from '../support/router-app.js';
import { enterSandbox } from '../support/sandbox.js';
import type { LoadResult } from '../linux/lab.js';

const inSandbox = enterSandbox(import.meta.url);
const PUBLIC = '203.0.113.1';
const INTERNAL_VIP = '10.0.0.10';
/** Rolling deploys under load with a CPU hog; COVE_ZD_ROUNDS changes it for a local hunt. */
const ROUNDS = Number(process.env['COVE_ZD_ROUNDS'] ?? 10);

if (!inSandbox) {
  describe('zero downtime through router changes and control-plane restarts', { skip: 'needs root' }, () => undefined);
} else {
  const lab = await import('../linux/lab.js');
  const cove = new CoveServer({ tag: 'zerodown' });
  const api = cove.api.bind(cove);
  let internet: { stop(): void } | undefined;
  let db: Database.Database | undefined;
  let slugId = '';
  let spaceNetns = '';
  const nextBuild = new URL('../../../packages/platform/.dist-next-zerodown/', import.meta.url).pathname;

  type Dyno = { id: string; state: string };
  const dynos = async (app: string): Promise<Dyno[]> => (await api('GET', `/apps/${app}/dynos`)) as Dyno[];
  const upCount = (app: string, n: number, check: (d: Dyno[]) => boolean = () => true) => async () => {
    const list = await dynos(app);
    return list.length === n && list.every((d) => d.state === 'up') && check(list) ? list : undefined;
  };
  const routerLines = (app: string): string[] =>
    (db?.prepare(`SELECT l.message FROM log_lines l JOIN apps a ON a.id = l.app_id WHERE a.name = ? AND l.dyno = 'router' ORDER BY l.seq`).all(app) as { message: string }[]).map(
      (r) => r.message,
    );
  const masterPid = async (): Promise<number> => Number((await readFile(join(cove.dataDir, 'router', 'haproxy', 'haproxy.pid'), 'utf8')).trim());

  /** Runs `change` under the three loads; every request must succeed. */
  const underLoad = async (what: string, change: () => Promise<void>): Promise<LoadResult[]> => {
    const loads = [
      // Paced, so that the load leaves CPU for the deploys it runs through.
      await lab.steadyLoad('inet', PUBLIC, 'web.apps.test', { concurrency: 3, newConnection: true, path: '/new', pauseMs: 10 }),
      await lab.steadyLoad('inet', PUBLIC, 'web.apps.test', { concurrency: 3, path: '/kept', pauseMs: 10 }),
      await lab.steadyLoad(spaceNetns, INTERNAL_VIP, 'inner.apps.test', { concurrency: 2, newConnection: true, path: '/internal', pauseMs: 10 }),
    ];
    try {
      await change();
    } finally {
      const results = await Promise.all(loads.map((l) => l.stop()));
      const names = ['public new-connection', 'public keep-alive', 'internal new-connection'];
      // The router's word on any request that failed, for the assertion's message.
      const failedLines = [...routerLines('web'), ...routerLines('inner')].filter((l) => / path="\/(new|kept|internal)" /.test(l) && !l.includes('status=200'));
      for (const [i, r] of results.entries()) {
        process.stderr.write(`# ${what}: ${names[i]}: ${JSON.stringify(r)}\n`);
        assert.ok(r.ok > 0, `${what}, ${names[i]}: no request served ${JSON.stringify(r)}`);
        assert.equal(r.failed, 0, `${what}, ${names[i]}: ${JSON.stringify(r)}\n${failedLines.slice(-20).join('\n')}`);
      }
    }
    return [];
  };

  /** A new release of the same slug: a rolling deploy of web's 4 dynos; resolves once 4 new ones are up. */
  const rollingDeploy = async (): Promise<void> => {
    const old = new Set((await dynos('web')).map((d) => d.id));
    const started = Date.now();
    await api('POST', '/apps/web/releases', { slug: slugId });
    await lab.waitFor('rolled', upCount('web', 4, (list) => list.every((d) => !old.has(d.id))), 240_000).catch(async (error: unknown) => {
      throw new Error(`${String(error)}: ${JSON.stringify(await api('GET', '/apps/web/dynos'))}`);
    });
    process.stderr.write(`# rolling deploy: ${Date.now() - started} ms\n`);
  };

  /**
   * Requests from the internet to `quiet` (an app without load: the loaded apps' log buffers
   * keep only their last 1,500 lines) while the server is down, with paths found later in its log.
   */
  const requestsWhileDown = async (tag: string): Promise<string[]> => {
    const paths = [1, 2, 3].map((i) => `/while-down-${tag}-${i}`);
    for (const path of paths) {
      const load = await lab.steadyLoad('inet', PUBLIC, 'quiet.apps.test', { concurrency: 1, newConnection: true, path });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const r = await load.stop();
      assert.ok(r.ok > 0 && r.failed === 0, `while the server was down: ${JSON.stringify(r)}`);
    }
    return paths;
  };
  const restartServer = async (signal: NodeJS.Signals, entry = SERVER_ENTRY): Promise<string[]> => {
    const master = await masterPid();
    const generation = await cove.routerGeneration();
    const count = (await dynos('web')).length;
    await cove.stop(signal);
    const paths = await requestsWhileDown(signal);
    await cove.start(['--http', '0.0.0.0:80', '--https', '0.0.0.0:443', '--metrics', '127.0.0.1:9100'], entry);
    await lab.waitFor('web up again', upCount('web', count), 60_000);
    // Nothing changed: the same HAProxy serves, adopted, with no new generation.
    assert.equal(await masterPid(), master, 'the HAProxy master was replaced');
    assert.equal(await cove.routerGeneration(), generation, 'a restart with nothing changed loaded a new generation');
    return paths;
  };

  before(async () => {
    internet = await lab.makeInternet();
    await cove.start(['--http', '0.0.0.0:80', '--https', '0.0.0.0:443', '--metrics', '127.0.0.1:9100']);
    db = new Database(join(cove.dataDir, 'cove.db'), { readonly: true });
    await api('POST', '/teams', { name: 'acme' });
    await api('POST', '/spaces', { name: 'prod', team: 'acme' });
    await lab.waitFor('prod allocated', async () => ((await api('GET', '/spaces/prod')).state === 'allocated' ? true : undefined), 30_000);
    const spaceId = ((await api('GET', '/spaces/prod')) as { id: string }).id;
    spaceNetns = lab.spaceNetns(lab.spaceShortIdOf(spaceId));
    await api('POST', '/teams/apps', { name: 'web', space: 'prod' });
    await api('POST', '/teams/apps', { name: 'inner', space: 'prod', internal_routing: true });
    const slug = await api('POST', '/apps/web/slugs', { process_types: { web: 'node router-app.js' } });
    const put = await fetch(slug.blob.url, { method: 'PUT', body: await readFile(await lab.makeSlug({ 'router-app.js': ROUTER_APP })) });
    assert.equal(put.status, 200);
    slugId = slug.id as string;
    await api('POST', '/apps/web/releases', { slug: slugId });
    const innerSlug = await api('POST', '/apps/inner/slugs', { process_types: { web: 'node router-app.js' } });
    await fetch(innerSlug.blob.url, { method: 'PUT', body: await readFile(await lab.makeSlug({ 'router-app.js': ROUTER_APP })) });
    await api('POST', '/apps/inner/releases', { slug: innerSlug.id });
    await api('POST', '/teams/apps', { name: 'quiet', space: 'prod' });
    const quietSlug = await api('POST', '/apps/quiet/slugs', { process_types: { web: 'node router-app.js' } });
    await fetch(quietSlug.blob.url, { method: 'PUT', body: await readFile(await lab.makeSlug({ 'router-app.js': ROUTER_APP })) });
    await api('POST', '/apps/quiet/releases', { slug: quietSlug.id });
    await api('PATCH', '/apps/web/formation', { updates: [{ type: 'web', quantity: 4 }] });
    await api('PATCH', '/apps/inner/formation', { updates: [{ type: 'web', quantity: 2 }] });
    await lab.waitFor('web up', upCount('web', 4), 90_000);
    await lab.waitFor('inner up', upCount('inner', 2), 90_000);
    await lab.waitFor('quiet up', upCount('quiet', 1), 90_000);
  });
  after(async () => {
    db?.close();
    await cove.destroy();
    internet?.stop();
    await rm(nextBuild, { recursive: true, force: true });
  });

  describe('zero downtime through router changes and control-plane restarts', () => {
    test(`(a) ${ROUNDS} rolling deploys of 4 web dynos with the other CPU busy: 0 failed requests`, async () => {
      const hog: ChildProcess = spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
      try {
        await underLoad('rolling deploys', async () => {
          for (let i = 0; i < ROUNDS; i++) await rollingDeploy();
        });
      } finally {
        if (hog.pid !== undefined) process.kill(hog.pid, 'SIGKILL');
      }
    });

    test('(b) scale 2 → 8 → 2: 0 failed requests', async () => {
      await api('PATCH', '/apps/web/formation', { updates: [{ type: 'web', quantity: 2 }] });
      await lab.waitFor('two', upCount('web', 2), 60_000);
      await underLoad('scale 2 → 8 → 2', async () => {
        await api('PATCH', '/apps/web/formation', { updates: [{ type: 'web', quantity: 8 }] });
        await lab.waitFor('eight', upCount('web', 8), 120_000);
        await api('PATCH', '/apps/web/formation', { updates: [{ type: 'web', quantity: 2 }] });
        await lab.waitFor('two again', upCount('web', 2), 60_000);
      });
    });

    test('(c) the changes that load a new HAProxy generation: 0 failed requests', async () => {
      const before = await cove.routerGeneration();
      await underLoad('reload causes', async () => {
        // An app created and destroyed.
        await api('POST', '/teams/apps', { name: 'brief', space: 'prod' });
        await lab.waitFor('brief routed', async () => ((await cove.routerGeneration()) > before ? true : undefined), 30_000);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const created = await cove.routerGeneration();
        await api('DELETE', '/apps/brief');
        await lab.waitFor('brief gone', async () => ((await cove.routerGeneration()) > created ? true : undefined), 30_000);
        // A space ruleset with a deny rule (written out in order), then allow-only again.
        for (const rules of [
          [{ action: 'deny', source: '198.51.100.0/24' }, { action: 'allow', source: '0.0.0.0/0' }],
          [{ action: 'allow', source: '0.0.0.0/0' }],
        ]) {
          const generation = await cove.routerGeneration();
          await api('PUT', '/spaces/prod/inbound-ruleset', { rules });
          await lab.waitFor('ruleset applied', async () => ((await cove.routerGeneration()) > generation ? true : undefined), 30_000);
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
        // The app's own ruleset coming and going.
        await api('PUT', '/apps/web/inbound-ruleset', { rules: [{ action: 'allow', source: '0.0.0.0/0' }] });
        await new Promise((resolve) => setTimeout(resolve, 2000));
        await api('DELETE', '/apps/web/inbound-ruleset');
        await new Promise((resolve) => setTimeout(resolve, 2000));
      });
    });

    test('(d) cove server stopped (SIGTERM) and started: 0 failed requests; lines of requests served meanwhile reach the log', async () => {
      let paths: string[] = [];
      await underLoad('SIGTERM and start', async () => {
        paths = await restartServer('SIGTERM');
      });
      for (const path of paths) {
        await lab.waitFor(`router line of ${path}`, async () => (routerLines('quiet').some((l) => l.includes(`path="${path}"`) && l.includes('status=200')) ? true : undefined), 15_000);
      }
    });

    test('(e) cove server killed (SIGKILL) and started: 0 failed requests; lines of requests served meanwhile reach the log', async () => {
      let paths: string[] = [];
      await underLoad('SIGKILL and start', async () => {
        paths = await restartServer('SIGKILL');
      });
      for (const path of paths) {
        await lab.waitFor(`router line of ${path}`, async () => (routerLines('quiet').some((l) => l.includes(`path="${path}"`) && l.includes('status=200')) ? true : undefined), 15_000);
      }
    });

    test('(f) cove server replaced by another build: 0 failed requests', async () => {
      await rm(nextBuild, { recursive: true, force: true });
      await cp(new URL('../../../packages/platform/dist/', import.meta.url).pathname, nextBuild, { recursive: true });
      await underLoad('another build', async () => {
        await restartServer('SIGTERM', join(nextBuild, 'bin', 'server.js'));
      });
    });
  });
}
