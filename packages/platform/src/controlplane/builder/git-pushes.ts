/**
 * git push → build, the way Heroku does it: each app has a bare repository whose pre-receive
 * hook builds the pushed commit and prints the build's output, which git sends to the pusher
 * as `remote: …` lines; a failed build makes the hook exit non-zero, so git rejects the push
 * and the branch is not updated.
 *
 * The hook is a small node script run by `git receive-pack` (started by `git http-backend`,
 * started by the API). It archives the pushed commit (the new objects are only visible to the
 * hook, in git's quarantine), then asks the server over a unix socket to build it, naming the
 * push session the API opened for the authenticated request; the server streams the output
 * back as JSON lines and ends with the exit status.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BuildService, PushSession } from '../api/builds/build-service.js';
import type { AppRecord, UserRecord } from '../store/records.js';
import type { Store } from '../store/sqlite/sqlite-store.js';

const run = promisify(execFile);
const GIT_ENV = { PATH: '/usr/local/bin:/usr/bin:/bin', LC_ALL: 'C' };

/** The branches a push deploys (Heroku's rule). */
export const DEPLOY_BRANCHES = ['refs/heads/main', 'refs/heads/master'];

/** The pre-receive hook. Its first line is replaced with the server's node binary. */
const HOOK = `
const net = require('net'), cp = require('child_process'), fs = require('fs'), path = require('path');
const ZERO = /^0+$/;
const DEPLOY = ${JSON.stringify(DEPLOY_BRANCHES)};
let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', () => {
  const updates = input.split('\\n').filter(Boolean).map((l) => l.split(' '));
  const deploy = updates.find(([, next, ref]) => DEPLOY.includes(ref) && !ZERO.test(next));
  if (deploy === undefined) {
    for (const [, , ref] of updates) console.log('Pushed to non-deployable branch ' + ref.replace('refs/heads/', '') + '; push main or master to deploy.');
    process.exit(0);
  }
  const [, commit, ref] = deploy;
  const tarball = path.join(path.resolve(process.env.GIT_DIR || '.'), 'cove-push-' + commit + '-' + process.pid + '.tar');
  let description = '';
  try {
    cp.execFileSync('git', ['archive', '--format=tar', '-o', tarball, commit]);
    description = cp.execFileSync('git', ['log', '-1', '--format=%s', commit]).toString().trim();
  } catch (e) {
    console.log(' !     Cannot read the pushed commit: ' + e.message);
    process.exit(1);
  }
  const done = (code) => { try { fs.rmSync(tarball, { force: true }); } catch {} process.exit(code); };
  const socket = net.connect(process.env.COVE_PUSH_SOCKET);
  let buffer = '', status = 1;
  socket.on('connect', () => socket.write(JSON.stringify({ push: process.env.COVE_PUSH_ID, commit, ref, tarball, description }) + '\\n'));
  socket.on('data', (d) => {
    buffer += d;
    let i;
    while ((i = buffer.indexOf('\\n')) >= 0) {
      const message = JSON.parse(buffer.slice(0, i));
      buffer = buffer.slice(i + 1);
      if (message.out !== undefined) process.stdout.write(message.out);
      if (message.exit !== undefined) status = message.exit;
    }
  });
  socket.on('error', (e) => { console.log(' !     Cannot reach the Cove builder: ' + e.message); done(1); });
  socket.on('close', () => done(status));
});
`;

interface Session {
  readonly appId: string;
  readonly userId: string;
}

export class GitPushes {
  readonly #store: Store;
  readonly #reposDir: string;
  readonly #socketPath: string;
  readonly #builds: BuildService;
  readonly #sessions = new Map<string, Session>();
  readonly #sockets = new Set<Socket>();
  #server: Server | null = null;

  constructor(options: { store: Store; reposDir: string; socketPath: string; builds: BuildService }) {
    this.#store = options.store;
    this.#reposDir = options.reposDir;
    this.#socketPath = options.socketPath;
    this.#builds = options.builds;
  }

  get #hookPath(): string {
    return join(this.#reposDir, 'pre-receive');
  }

  async start(): Promise<void> {
    await mkdir(this.#reposDir, { recursive: true, mode: 0o700 });
    await writeFile(this.#hookPath, `#!${process.execPath}\n${HOOK}`, { mode: 0o755 });
    await rm(this.#socketPath, { force: true });
    const server = createServer((socket) => this.#serve(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#socketPath, () => resolve());
    });
    await chmod(this.#socketPath, 0o600);
    this.#server = server;
  }

  async close(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    for (const s of this.#sockets) s.destroy();
    if (server !== null) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The app's bare repository (by app id, so a rename keeps it), created on first use. */
  async repository(app: AppRecord): Promise<string> {
    const dir = join(this.#reposDir, `${app.id}.git`);
    if (!existsSync(join(dir, 'HEAD'))) {
      const tmp = `${dir}.${randomUUID()}`;
      await run('git', ['init', '--quiet', '--bare', tmp], { env: GIT_ENV });
      await run('git', ['-C', tmp, 'symbolic-ref', 'HEAD', 'refs/heads/main'], { env: GIT_ENV });
      await run('git', ['-C', tmp, 'config', 'http.receivepack', 'true'], { env: GIT_ENV });
      await run('git', ['-C', tmp, 'config', 'core.hooksPath', this.#reposDir], { env: GIT_ENV });
      await run('mv', ['-T', tmp, dir]).catch(async (error: unknown) => {
        await rm(tmp, { recursive: true, force: true });
        if (!existsSync(join(dir, 'HEAD'))) throw error;
      });
    }
    return dir;
  }

  open(app: AppRecord, user: UserRecord): PushSession {
    const id = randomUUID();
    this.#sessions.set(id, { appId: app.id, userId: user.id });
    return {
      env: { COVE_PUSH_ID: id, COVE_PUSH_SOCKET: this.#socketPath },
      close: () => this.#sessions.delete(id),
    };
  }

  #serve(socket: Socket): void {
    this.#sockets.add(socket);
    socket.on('close', () => this.#sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffer = '';
    const send = (message: { out?: string; exit?: number }): void => {
      if (!socket.destroyed) socket.write(`${JSON.stringify(message)}\n`);
    };
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString('utf8');
      const newline = buffer.indexOf('\n');
      if (newline === -1) return;
      socket.off('data', onData);
      let request: { push?: string; commit?: string; tarball?: string; description?: string };
      try {
        request = JSON.parse(buffer.slice(0, newline)) as typeof request;
      } catch {
        socket.end();
        return;
      }
      void this.#build(request, send).then(
        (code) => {
          send({ exit: code });
          socket.end();
        },
        (error: unknown) => {
          send({ out: ` !     ${(error as Error).message}\n`, exit: 1 });
          socket.end();
        },
      );
    };
    socket.on('data', onData);
  }

  async #build(
    request: { push?: string; commit?: string; tarball?: string; description?: string },
    send: (message: { out?: string }) => void,
  ): Promise<number> {
    const session = this.#sessions.get(request.push ?? '');
    const app = session === undefined ? undefined : this.#store.apps.one('id = ?', [session.appId]);
    const user = session === undefined ? undefined : this.#store.users.one('id = ?', [session.userId]);
    const tarball = request.tarball ?? '';
    if (app === undefined || user === undefined || !tarball.startsWith(this.#reposDir) || !existsSync(tarball)) {
      send({ out: ' !     This push is not known to Cove\n' });
      return 1;
    }
    const commit = request.commit ?? null;
    const build = this.#builds.startBuild(
      app,
      user,
      {
        url: `git:${app.name}@${commit ?? ''}`,
        version: commit,
        checksum: null,
        description: request.description ?? null,
        fetch: async () => tarball,
      },
      null,
    );
    await this.#builds.follow(build.id, (chunk) => send({ out: chunk }));
    const final = this.#store.builds.one('id = ?', [build.id]);
    if (final?.status !== 'succeeded') return 1;
    const release = final.releaseId === null ? undefined : this.#store.releases.one('id = ?', [final.releaseId]);
    return release?.status === 'succeeded' ? 0 : 1;
  }
}
