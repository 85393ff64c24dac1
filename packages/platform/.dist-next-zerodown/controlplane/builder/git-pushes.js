/**
 * git push → build, the way Heroku does it: each app has a bare repository whose pre-receive
 * hook builds the pushed commit and prints the build's output, which git sends to the pusher
 * as `remote: …` lines; a failed build makes the hook exit non-zero, so git rejects the push
 * and the branch is not updated.
 *
 * The hook (bin/git-pre-receive.ts) is run by `git receive-pack` (started by `git http-backend`,
 * started by the API). It archives the pushed commit (the new objects are only visible to the
 * hook, in git's quarantine), then asks the server over a unix socket to build it, naming the
 * push session the API opened for the authenticated request; the server streams the output
 * back as JSON lines and ends with the exit status.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
const run = promisify(execFile);
const GIT_ENV = { PATH: '/usr/local/bin:/usr/bin:/bin', LC_ALL: 'C' };
/** The hook program (an entry point, so it may read its environment). */
const HOOK_PROGRAM = fileURLToPath(new URL('../../bin/git-pre-receive.js', import.meta.url));
export class GitPushes {
    #store;
    #reposDir;
    #socketPath;
    #builds;
    #sessions = new Map();
    #sockets = new Set();
    #server = null;
    constructor(options) {
        this.#store = options.store;
        this.#reposDir = options.reposDir;
        this.#socketPath = options.socketPath;
        this.#builds = options.builds;
    }
    get #hookPath() {
        return join(this.#reposDir, 'pre-receive');
    }
    async start() {
        await mkdir(this.#reposDir, { recursive: true, mode: 0o700 });
        await writeFile(this.#hookPath, `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(HOOK_PROGRAM)}\n`, { mode: 0o755 });
        await rm(this.#socketPath, { force: true });
        const server = createServer((socket) => this.#serve(socket));
        await new Promise((resolve, reject) => {
            server.once('error', reject);
            server.listen(this.#socketPath, () => resolve());
        });
        await chmod(this.#socketPath, 0o600);
        this.#server = server;
    }
    async close() {
        const server = this.#server;
        this.#server = null;
        for (const s of this.#sockets)
            s.destroy();
        if (server !== null)
            await new Promise((resolve) => server.close(() => resolve()));
    }
    /** The app's bare repository (by app id, so a rename keeps it), created on first use. */
    async repository(app) {
        const dir = join(this.#reposDir, `${app.id}.git`);
        if (!existsSync(join(dir, 'HEAD'))) {
            const tmp = `${dir}.${randomUUID()}`;
            await run('git', ['init', '--quiet', '--bare', tmp], { env: GIT_ENV });
            await run('git', ['-C', tmp, 'symbolic-ref', 'HEAD', 'refs/heads/main'], { env: GIT_ENV });
            await run('git', ['-C', tmp, 'config', 'http.receivepack', 'true'], { env: GIT_ENV });
            await run('git', ['-C', tmp, 'config', 'core.hooksPath', this.#reposDir], { env: GIT_ENV });
            await run('mv', ['-T', tmp, dir]).catch(async (error) => {
                await rm(tmp, { recursive: true, force: true });
                if (!existsSync(join(dir, 'HEAD')))
                    throw error;
            });
        }
        return dir;
    }
    open(app, user) {
        const id = randomUUID();
        this.#sessions.set(id, { appId: app.id, userId: user.id });
        return {
            env: { COVE_PUSH_ID: id, COVE_PUSH_SOCKET: this.#socketPath },
            close: () => this.#sessions.delete(id),
        };
    }
    #serve(socket) {
        this.#sockets.add(socket);
        socket.on('close', () => this.#sockets.delete(socket));
        socket.on('error', () => socket.destroy());
        let buffer = '';
        const send = (message) => {
            if (!socket.destroyed)
                socket.write(`${JSON.stringify(message)}\n`);
        };
        const onData = (chunk) => {
            buffer += chunk.toString('utf8');
            const newline = buffer.indexOf('\n');
            if (newline === -1)
                return;
            socket.off('data', onData);
            let request;
            try {
                request = JSON.parse(buffer.slice(0, newline));
            }
            catch {
                socket.end();
                return;
            }
            void this.#build(request, send).then((code) => {
                send({ exit: code });
                socket.end();
            }, (error) => {
                send({ out: ` !     ${error.message}\n`, exit: 1 });
                socket.end();
            });
        };
        socket.on('data', onData);
    }
    async #build(request, send) {
        const session = this.#sessions.get(request.push ?? '');
        const app = session === undefined ? undefined : this.#store.apps.byId(session.appId);
        const user = session === undefined ? undefined : this.#store.accounts.byId(session.userId);
        const tarball = request.tarball ?? '';
        if (app === undefined || user === undefined || !tarball.startsWith(this.#reposDir) || !existsSync(tarball)) {
            send({ out: ' !     This push is not known to Cove\n' });
            return 1;
        }
        const commit = request.commit ?? null;
        const build = this.#builds.startBuild(app, user, {
            url: `git:${app.name}@${commit ?? ''}`,
            version: commit,
            checksum: null,
            description: request.description ?? null,
            fetch: async () => tarball,
            // The hook removes it too, but not if the pusher went away and git killed the hook.
            dispose: () => rm(tarball, { force: true }),
        }, null);
        await this.#builds.follow(build.id, (chunk) => send({ out: chunk }));
        const final = this.#store.builds.byId(build.id);
        if (final?.status !== 'succeeded')
            return 1;
        const release = final.releaseId === null ? undefined : this.#store.releases.byId(final.releaseId);
        return release?.status === 'succeeded' ? 0 : 1;
    }
}
function shellQuote(word) {
    return `'${word.replaceAll("'", `'\\''`)}'`;
}
//# sourceMappingURL=git-pushes.js.map