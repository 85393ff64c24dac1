/**
 * Buildpacks (Heroku's buildpack API: bin/detect, bin/compile, bin/release) and where they
 * come from: Cove's built-in offline ones (Node.js with the host's node and npm, and a
 * Procfile-only one), a directory on the server, or a git repository cloned once into the
 * data directory. Builds are offline, so git URLs must be local (`file://`, a path) or on a
 * loopback address.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
const run = promisify(execFile);
/** The built-in buildpacks, in detection order, with the names that select them. */
export const BUILTIN_BUILDPACKS = [
    { name: 'heroku/nodejs', aliases: ['nodejs', 'cove/nodejs', 'heroku/node'], dir: 'nodejs' },
    { name: 'cove/procfile', aliases: ['procfile', 'heroku/procfile'], dir: 'procfile' },
];
const BUILTIN_ROOT = fileURLToPath(new URL('../../../buildpacks/', import.meta.url));
export class BuildpackError extends Error {
    constructor(message) {
        super(message);
        this.name = 'BuildpackError';
    }
}
export function builtinBuildpacks() {
    return BUILTIN_BUILDPACKS.map((b) => ({ url: b.name, name: b.name, dir: join(BUILTIN_ROOT, b.dir) }));
}
/** The display name Heroku's API gives a buildpack URL. */
export function buildpackName(url) {
    const builtin = BUILTIN_BUILDPACKS.find((b) => b.name === url || b.aliases.includes(url));
    return builtin?.name ?? url;
}
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;
/** Checks a buildpack URL without fetching it; returns a reason it cannot be used, or null. */
export function buildpackProblem(url) {
    if (url.trim() === '')
        return 'Buildpack URL must not be empty.';
    if (BUILTIN_BUILDPACKS.some((b) => b.name === url || b.aliases.includes(url)))
        return null;
    if (isAbsolute(url) || url.startsWith('file://'))
        return null;
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return `Unknown buildpack "${url}": use ${BUILTIN_BUILDPACKS.map((b) => b.name).join(' or ')}, an absolute path on the server, or a git URL.`;
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:' && parsed.protocol !== 'git:')
        return `Unsupported buildpack URL scheme "${parsed.protocol}".`;
    if (!LOOPBACK_HOST.test(parsed.hostname) && !LOOPBACK_HOST.test(parsed.host.replace(/:\d+$/, ''))) {
        return `Buildpack "${url}" is not on this machine: Cove builds offline, so git buildpacks must be local paths, file:// URLs or on a loopback address.`;
    }
    return null;
}
/** Finds or fetches a buildpack; git repositories are cloned once into `cacheDir`. */
export async function resolveBuildpack(url, cacheDir) {
    const problem = buildpackProblem(url);
    if (problem !== null)
        throw new BuildpackError(problem);
    const builtin = BUILTIN_BUILDPACKS.find((b) => b.name === url || b.aliases.includes(url));
    if (builtin !== undefined)
        return { url, name: builtin.name, dir: join(BUILTIN_ROOT, builtin.dir) };
    const [location = url, ref] = url.split('#');
    const path = location.startsWith('file://') ? fileURLToPath(location) : location;
    if (isAbsolute(path) && existsSync(join(path, 'bin', 'compile')))
        return { url, name: url, dir: path };
    const dir = join(cacheDir, createHash('sha256').update(url).digest('hex').slice(0, 16));
    if (!existsSync(join(dir, 'bin', 'compile'))) {
        await mkdir(cacheDir, { recursive: true });
        const tmp = `${dir}.${process.pid}.${Date.now()}`;
        try {
            await run('git', ['clone', '--quiet', '--depth', '1', ...(ref === undefined ? [] : ['--branch', ref]), '--', location, tmp], {
                timeout: 120_000,
                env: { PATH: '/usr/bin:/bin', GIT_TERMINAL_PROMPT: '0' },
            });
        }
        catch (error) {
            await rm(tmp, { recursive: true, force: true });
            const stderr = error.stderr?.trim() ?? '';
            throw new BuildpackError(`Cannot fetch buildpack "${url}": ${stderr.split('\n').pop() ?? 'git clone failed'}`);
        }
        if (!existsSync(join(tmp, 'bin', 'compile'))) {
            await rm(tmp, { recursive: true, force: true });
            throw new BuildpackError(`Buildpack "${url}" has no bin/compile.`);
        }
        await rm(dir, { recursive: true, force: true });
        await rename(tmp, dir);
    }
    return { url, name: url, dir };
}
//# sourceMappingURL=buildpacks.js.map