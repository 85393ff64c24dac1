/**
 * Config vars: `GET/PATCH /apps/:app/config-vars`. A `null` value unsets a key; every change
 * creates a release ("Set FOO, BAR config vars").
 */
import { InvalidParamsError } from '../../../shared/errors.js';
import { manageableApp, visibleApp } from '../access.js';
import type { ApiContext } from '../api-context.js';
import { bodyObject, type ApiServer } from '../build-api.js';
import { createRelease } from '../releases/create-release.js';

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function registerConfigVarRoutes(app: ApiServer, { store }: ApiContext): void {
  app.get<{ Params: { app: string } }>('/apps/:app/config-vars', async (request) => visibleApp(store, request.user, request.params.app).config);

  app.patch<{ Params: { app: string } }>('/apps/:app/config-vars', async (request) => {
    const record = manageableApp(store, request.user, request.params.app);
    const body = bodyObject(request);
    const set: string[] = [];
    const removed: string[] = [];
    const config = { ...record.config };
    for (const [key, value] of Object.entries(body)) {
      if (!KEY.test(key) || key.length > 256) {
        throw new InvalidParamsError(`Config var key "${key}" is invalid: use letters, digits and underscores, not starting with a digit.`);
      }
      if (value === null) {
        if (key in config) {
          delete config[key];
          removed.push(key);
        }
      } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        if (String(value).length > 32768) throw new InvalidParamsError(`Config var ${key} is too long (maximum is 32 KB).`);
        if (config[key] !== String(value)) set.push(key);
        config[key] = String(value);
      } else {
        throw new InvalidParamsError(`Config var ${key} must be a string, or null to unset it.`);
      }
    }
    if (set.length === 0 && removed.length === 0) return record.config;
    const parts = [];
    if (set.length > 0) parts.push(`Set ${set.join(', ')}`);
    if (removed.length > 0) parts.push(`${set.length > 0 ? 'remove' : 'Remove'} ${removed.join(', ')}`);
    const current = store.currentRelease(record.id);
    createRelease(store, record, request.user, {
      description: `${parts.join(', ')} config vars`,
      slugId: current?.slugId ?? null,
      config,
    });
    return config;
  });
}
