/**
 * The builder (design §1 "builder: git receive, buildpacks, slugs"): turns a source tarball
 * into a slug with buildpacks, then a release, streaming Heroku-style output. Builds run one
 * at a time per app, outside every space, each step in the backend's build sandbox
 * (BuildRunner) as the build user; the app's cache directory persists between builds (the npm
 * cache lives there). The slug is stored through the same domain code as the slug API
 * (domain/slugs.ts) and released through createRelease(), so a build is exactly "upload a slug, then release it". When the release
 * has a release phase, the build waits for it (the reconciler runs it) and reports its output.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { chmod, chown, copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createRelease, finishRelease, RELEASE_PROCESS_TYPE } from '../domain/releases.js';
import { insertSlug, saveSlugBlob } from '../domain/slugs.js';
import { BuildOutput } from './build-output.js';
import { builtinBuildpacks, resolveBuildpack } from './buildpacks.js';
import { parseBuildpackRelease } from './parse-buildpack-release.js';
import { parseProcfile, ProcfileError } from './parse-procfile.js';
import { GitPushes } from './git-pushes.js';
const run = promisify(execFile);
/** Ends a build with a message for the output and the record. */
class BuildFailure extends Error {
    lines;
    constructor(summary, lines = []) {
        super(summary);
        this.name = 'BuildFailure';
        this.lines = lines;
    }
}
const BUILD_ENV = { STACK: 'heroku-24', CI: 'false', NODE_ENV: 'production', NPM_CONFIG_PRODUCTION: 'false' };
export class Builder {
    #store;
    #options;
    #outputs = new Map();
    #queues = new Map();
    #running = new Set();
    #pushes;
    constructor(store, options) {
        this.#store = store;
        this.#options = options;
        this.#pushes = new GitPushes({
            store,
            reposDir: join(options.dataDir, 'repos'),
            socketPath: join(options.dataDir, 'builder.sock'),
            builds: this,
        });
    }
    get #buildsDir() {
        return join(this.#options.dataDir, 'builds');
    }
    /** Marks builds a previous run left pending as failed; opens the git hook socket. */
    async start() {
        await mkdir(this.#buildsDir, { recursive: true, mode: 0o700 });
        const now = new Date().toISOString();
        this.#store.builds.failPending('Interrupted by a server restart', now);
        for (const entry of await readdir(this.#buildsDir)) {
            if (!entry.endsWith('.log'))
                await rm(join(this.#buildsDir, entry), { recursive: true, force: true });
        }
        await this.#pushes.start();
    }
    async close() {
        await this.#pushes.close();
        await Promise.allSettled([...this.#running]);
    }
    repository(app) {
        return this.#pushes.repository(app);
    }
    openPush(app, user) {
        return this.#pushes.open(app, user);
    }
    startBuild(app, user, source, buildpacks) {
        const installed = this.#store.builds.buildpacks(app.id);
        const chosen = buildpacks !== null && buildpacks.length > 0 ? [...buildpacks] : installed;
        const now = new Date().toISOString();
        const build = this.#store.builds.insert({
            id: randomUUID(),
            appId: app.id,
            userId: user.id,
            status: 'pending',
            sourceUrl: source.url,
            sourceVersion: source.version,
            sourceChecksum: source.checksum,
            buildpacks: chosen,
            slugId: null,
            releaseId: null,
            failure: null,
            createdAt: now,
            updatedAt: now,
        });
        const output = new BuildOutput(this.outputFile(build.id));
        this.#outputs.set(build.id, output);
        const previous = this.#queues.get(app.id) ?? Promise.resolve();
        const task = previous
            .then(() => this.#run(build, user, source, output))
            .catch((error) => this.#options.log?.error(`Build ${build.id} crashed`, error))
            .finally(() => {
            this.#outputs.delete(build.id);
            if (this.#queues.get(app.id) === task)
                this.#queues.delete(app.id);
            this.#running.delete(task);
        });
        this.#queues.set(app.id, task);
        this.#running.add(task);
        return build;
    }
    outputFile(buildId) {
        return join(this.#buildsDir, `${buildId}.log`);
    }
    async follow(buildId, write) {
        const live = this.#outputs.get(buildId);
        if (live !== undefined)
            return live.follow(write);
        const text = await readFile(this.outputFile(buildId), 'utf8').catch(() => '');
        if (text !== '')
            write(text);
    }
    async #run(build, user, source, out) {
        const work = join(this.#buildsDir, build.id);
        const buildDir = join(work, 'app');
        const envDir = join(work, 'env');
        const cacheDir = join(this.#options.dataDir, 'build-cache', build.appId);
        const sandbox = this.#options.buildRunner.sandbox(join(work, 'stage'));
        const mounts = [
            { host: buildDir, at: '/tmp/build' },
            { host: cacheDir, at: '/tmp/cache' },
            { host: envDir, at: '/tmp/env', readOnly: true },
        ];
        let status = 'failed';
        let failure = null;
        let slugId = null;
        let release = null;
        try {
            const app = this.#store.apps.byId(build.appId);
            if (app === undefined)
                throw new BuildFailure('The app was destroyed during the build');
            out.line('-----> Building on Cove');
            await mkdir(work, { recursive: true, mode: 0o700 });
            for (const dir of [buildDir, cacheDir, envDir]) {
                await mkdir(dir, { recursive: true, mode: 0o755 });
                await chown(dir, sandbox.uid, sandbox.gid);
            }
            for (const [key, value] of Object.entries(app.config)) {
                if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key))
                    await writeFile(join(envDir, key), value, { mode: 0o644 });
            }
            let tarball;
            try {
                tarball = await source.fetch();
            }
            catch (error) {
                throw new BuildFailure(`Cannot fetch the source: ${error.message}`);
            }
            // A private copy the build user can read (sources are kept 0600).
            const sourceCopy = join(work, 'source.tar');
            await copyFile(tarball, sourceCopy);
            await chmod(sourceCopy, 0o644);
            let tarErrors = '';
            const unpacked = await sandbox.run({
                mounts: [...mounts, { host: sourceCopy, at: '/tmp/source.tar', readOnly: true }],
                argv: ['tar', '-xf', '/tmp/source.tar', '-C', '/tmp/build', '--no-same-owner', '--no-same-permissions'],
                cwd: '/tmp/build',
                env: {},
                output: (text) => (tarErrors += text),
                timeoutMs: 300_000,
            });
            await rm(sourceCopy, { force: true });
            if (unpacked.exitCode !== 0)
                throw new BuildFailure(`The source is not a tar archive: ${tarErrors.trim().split('\n')[0] ?? ''}`);
            await stripSingleTopDirectory(buildDir);
            if ((await readdir(buildDir)).length === 0)
                throw new BuildFailure('The source is empty');
            const buildpacks = await this.#chooseBuildpacks(build, sandbox, mounts, out);
            let defaults = {};
            for (const [i, bp] of buildpacks.entries()) {
                const bpMounts = [...mounts, { host: bp.dir, at: '/tmp/buildpack', readOnly: true }];
                const compile = await sandbox.run({
                    mounts: bpMounts,
                    argv: ['/tmp/buildpack/bin/compile', '/tmp/build', '/tmp/cache', '/tmp/env'],
                    cwd: '/tmp/build',
                    env: BUILD_ENV,
                    output: (text) => out.write(text),
                });
                if (compile.exitCode !== 0) {
                    throw new BuildFailure(compile.timedOut ? 'Build timed out' : `Failed to compile ${bp.displayName} app`, [
                        ` !     Push rejected, failed to compile ${bp.displayName} app.`,
                    ]);
                }
                if (i === buildpacks.length - 1 && existsSync(join(bp.dir, 'bin', 'release'))) {
                    const released = await sandbox.run({ mounts: bpMounts, argv: ['/tmp/buildpack/bin/release', '/tmp/build'], cwd: '/tmp/build', env: BUILD_ENV });
                    if (released.exitCode === 0)
                        defaults = parseBuildpackRelease(released.stdout);
                }
            }
            out.line('-----> Discovering process types');
            let procfile = {};
            const procfilePath = join(buildDir, 'Procfile');
            if (existsSync(procfilePath)) {
                try {
                    procfile = parseProcfile(await readFile(procfilePath, 'utf8'));
                }
                catch (error) {
                    if (error instanceof ProcfileError)
                        throw new BuildFailure('Invalid Procfile', [` !     ${error.message}`]);
                    throw error;
                }
                out.line(`       Procfile declares types     -> ${Object.keys(procfile).join(', ') || '(none)'}`);
            }
            const extra = Object.keys(defaults).filter((t) => !(t in procfile));
            if (extra.length > 0)
                out.line(`       Default types for buildpack -> ${extra.join(', ')}`);
            const processTypes = { ...defaults, ...procfile };
            if (Object.keys(processTypes).length === 0)
                out.line('       No process types: add a Procfile such as "web: node server.js"');
            out.line();
            out.line('-----> Compressing...');
            const slugFile = join(work, 'slug.tgz');
            await run('tar', ['-czf', slugFile, '--exclude=./app/.git', '-C', work, './app'], { maxBuffer: 16 * 1024 * 1024, timeout: 600_000 });
            const slug = insertSlug(this.#store, app, {
                processTypes,
                commit: build.sourceVersion,
                commitDescription: source.description,
                checksum: null,
                stack: app.stack,
                buildpackDescription: buildpacks.map((b) => b.displayName).join(', '),
            });
            const saved = await saveSlugBlob(this.#store, this.#options.blobDir, slug, createReadStream(slugFile));
            slugId = saved.id;
            out.line(`       Done: ${formatSize(saved.size ?? (await stat(slugFile)).size)}`);
            status = 'succeeded';
            this.#store.builds.finish(build.id, { status, failure: null, slugId }, new Date().toISOString());
            this.#store.apps.setBuildpackDescription(app.id, slug.buildpackDescription);
            out.line('-----> Launching...');
            const fresh = this.#store.apps.byId(app.id) ?? app;
            const version = build.sourceVersion === null ? slug.id.slice(0, 8) : build.sourceVersion.slice(0, 8);
            release = createRelease(this.#store, fresh, user, { description: `Deploy ${version}`, slugId: slug.id, config: fresh.config });
            this.#store.builds.recordRelease(build.id, release.id, new Date().toISOString());
            if (release.status === 'pending')
                release = await this.#awaitReleasePhase(release, processTypes[RELEASE_PROCESS_TYPE] ?? '', out);
            if (release.status === 'succeeded') {
                out.line(`       Released v${release.version}`);
                out.line(`       https://${fresh.name}.${this.#options.domain}/ deployed to Cove`);
                out.line();
            }
            else {
                failure = `Release v${release.version} failed: the release command did not succeed`;
                out.line(` !     Release v${release.version} failed: the release command exited with an error; v${this.#store.releases.current(app.id)?.version ?? '?'} is still current`);
            }
        }
        catch (error) {
            status = 'failed';
            if (error instanceof BuildFailure) {
                failure = error.message;
                for (const line of error.lines)
                    out.line(line);
                out.line(` !     ${error.message}`);
            }
            else {
                failure = 'Internal error while building';
                this.#options.log?.error(`Build ${build.id} failed`, error);
                out.line(` !     ${failure}: ${error.message}`);
            }
            out.line(' !     Build failed');
        }
        finally {
            this.#store.builds.finish(build.id, { status, failure, slugId }, new Date().toISOString());
            await out.end();
            await rm(work, { recursive: true, force: true }).catch(() => undefined);
            await source.dispose?.().catch(() => undefined);
        }
    }
    async #chooseBuildpacks(build, sandbox, mounts, out) {
        const detect = async (bp) => {
            const result = await sandbox.run({
                mounts: [...mounts, { host: bp.dir, at: '/tmp/buildpack', readOnly: true }],
                argv: ['/tmp/buildpack/bin/detect', '/tmp/build'],
                cwd: '/tmp/build',
                env: BUILD_ENV,
                timeoutMs: 60_000,
            });
            return result.exitCode === 0 ? result.stdout.trim().split('\n')[0] || bp.name : null;
        };
        if (build.buildpacks.length === 0) {
            out.line('-----> Determining which buildpack to use for this app');
            for (const bp of builtinBuildpacks()) {
                const name = await detect(bp);
                if (name !== null) {
                    out.line(`-----> ${name} app detected`);
                    return [{ ...bp, displayName: name }];
                }
            }
            throw new BuildFailure('No default language could be detected for this app', [
                ' !     No default language could be detected for this app.',
                '       HINT: Cove detects Node.js apps (a package.json) and apps that need no build (a Procfile).',
                '       Add one of them, or choose a buildpack with `cove buildpacks:set <url> -a <app>`.',
            ]);
        }
        const chosen = [];
        for (const url of build.buildpacks) {
            let bp;
            try {
                bp = await resolveBuildpack(url, join(this.#options.dataDir, 'buildpacks'));
            }
            catch (error) {
                throw new BuildFailure(error.message);
            }
            out.line(`-----> Using buildpack: ${bp.name}`);
            // A copy the build user can read, whatever the modes of the original.
            const copy = join(this.#buildsDir, build.id, 'buildpacks', String(chosen.length));
            await mkdir(copy, { recursive: true });
            await run('cp', ['-R', `${bp.dir}/.`, copy]);
            await run('chmod', ['-R', 'a+rX', copy]);
            bp = { ...bp, dir: copy };
            const name = await detect(bp);
            if (name === null)
                throw new BuildFailure(`App not compatible with buildpack: ${bp.url}`);
            out.line(`-----> ${name} app detected`);
            chosen.push({ ...bp, displayName: name });
        }
        return chosen;
    }
    /** Waits for the reconciler to run the release phase, streaming the release dyno's output. */
    async #awaitReleasePhase(release, command, out) {
        out.line('-----> Running release command...');
        out.line(`       $ ${command}`);
        if (this.#options.runsDynos === false) {
            finishRelease(this.#store, release, 'failed');
            out.line(' !     No runtime runs dynos on this server (--runtime none), so the release command cannot run');
            return this.#store.releases.byId(release.id) ?? release;
        }
        const dyno = `release.${release.version}`;
        let seq = this.#store.lastLogSeq();
        const deadline = Date.now() + (this.#options.releasePhaseTimeoutMs ?? 900_000);
        for (;;) {
            for (const line of this.#store.logsAfter(release.appId, seq)) {
                seq = line.seq;
                if (line.dyno === dyno && line.source === 'app')
                    out.line(`       ${line.message}`);
            }
            const now = this.#store.releases.byId(release.id) ?? release;
            if (now.status !== 'pending')
                return now;
            if (Date.now() > deadline) {
                finishRelease(this.#store, release, 'failed');
                out.line(' !     Timed out waiting for the release command');
                return this.#store.releases.byId(release.id) ?? release;
            }
            await new Promise((resolve) => setTimeout(resolve, 200));
        }
    }
}
/** Heroku strips a tarball's single top-level directory (GitHub archives have one). */
async function stripSingleTopDirectory(dir) {
    const entries = await readdir(dir, { withFileTypes: true });
    if (entries.length !== 1 || !entries[0]?.isDirectory())
        return;
    const top = join(dir, entries[0].name);
    const inner = await readdir(top);
    if (inner.includes(entries[0].name))
        return;
    await run('sh', ['-c', 'cd "$1" && for f in * .[!.]* ..?*; do [ -e "$f" ] || [ -L "$f" ] || continue; mv "$f" "$2/"; done && rmdir "$1"', 'strip', top, dir]);
}
function formatSize(bytes) {
    if (bytes < 1024 * 1024)
        return `${(bytes / 1024).toFixed(1)}K`;
    return `${(bytes / (1024 * 1024)).toFixed(1)}M`;
}
//# sourceMappingURL=builder.js.map