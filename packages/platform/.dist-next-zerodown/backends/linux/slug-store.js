/**
 * Unpacked slugs, one directory per slug id, shared read-only by all the slug's dynos (each
 * dyno sees it through its own overlay, so nothing a dyno writes reaches the slug).
 * A slug tarball is a gzip tar whose entries are under `./app/` (Heroku slug format); it is
 * fetched and checked by slug-fetch.ts, and only its unpacked copy is kept.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, rename, rm } from 'node:fs/promises';
import { RuntimeError } from '../../shared/errors.js';
import { exec } from './exec.js';
import { shortIdOf } from './kernel-names.js';
import { fetchSlugTarball } from './slug-fetch.js';
export class SlugStore {
    #dir;
    #owner;
    #fetch;
    #pending = new Map();
    constructor(dir, owner, fetch = {}) {
        this.#dir = dir;
        this.#owner = owner;
        this.#fetch = fetch;
    }
    /** The unpacked `app` directory of a slug, unpacking it on first use. */
    async ensure(slug) {
        const key = /^[A-Za-z0-9._-]{1,100}$/.test(slug.id) ? slug.id : shortIdOf(slug.id);
        const appDir = `${this.#dir}/${key}/app`;
        if (existsSync(appDir))
            return appDir;
        let pending = this.#pending.get(key);
        if (pending === undefined) {
            pending = this.#unpack(slug, key).finally(() => this.#pending.delete(key));
            this.#pending.set(key, pending);
        }
        return pending;
    }
    async #unpack(slug, key) {
        await mkdir(this.#dir, { recursive: true, mode: 0o700 });
        await chmod(this.#dir, 0o700);
        const tmp = `${this.#dir}/.${key}.${process.pid}.${Date.now()}`;
        const download = `${tmp}.tgz`;
        await mkdir(tmp, { recursive: true });
        try {
            const tarball = await fetchSlugTarball(slug, download, this.#fetch);
            await exec('tar', ['-xzf', tarball, '-C', tmp, '--no-same-owner', '--no-same-permissions', '--delay-directory-restore']).catch((error) => {
                throw new RuntimeError('SLUG_INVALID', `Cannot unpack slug "${key}": tar failed`, { retryable: false, cause: error });
            });
            if (!existsSync(`${tmp}/app`))
                throw new RuntimeError('SLUG_INVALID', `Cannot unpack slug "${key}": no ./app directory in the tarball`, { retryable: false });
            // Dynos own their app dir (as on Heroku); the copy they write is their overlay's upper layer.
            await exec('chown', ['-R', `${this.#owner.uid}:${this.#owner.gid}`, `${tmp}/app`]);
            await exec('chmod', ['-R', 'u+rwX,go+rX', `${tmp}/app`]);
            const target = `${this.#dir}/${key}`;
            if (!existsSync(target))
                await rename(tmp, target);
            return `${target}/app`;
        }
        finally {
            await rm(tmp, { recursive: true, force: true });
            await rm(download, { force: true });
        }
    }
    async removeAll() {
        await rm(this.#dir, { recursive: true, force: true });
    }
}
//# sourceMappingURL=slug-store.js.map