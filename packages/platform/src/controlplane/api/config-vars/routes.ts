/**
 * Config vars: `GET/PATCH /apps/:app/config-vars`. A `null` value unsets a key; every change
 * creates a release ("Set FOO, BAR config vars").
 */
import { visibleApp } from '../../domain/access.js';
import { updateConfigVars } from '../../domain/config-vars.js';
import type { ApiContext } from '../api-context.js';
import { bodyObject, type ApiServer } from '../api-server.js';

export function registerConfigVarRoutes(app: ApiServer, { store }: ApiContext): void {
  app.get<{ Params: { app: string } }>('/apps/:app/config-vars', async (request) => visibleApp(store, request.user, request.params.app).config);

  app.patch<{ Params: { app: string } }>('/apps/:app/config-vars', async (request) =>
    updateConfigVars(store, request.user, request.params.app, bodyObject(request)),
  );
}
