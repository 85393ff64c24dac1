/**
 * An app's own inbound ruleset (beyond Heroku, which has only the space's): `GET/PUT/DELETE
 * /apps/:app/inbound-ruleset`. Public traffic to the app must pass its space's trusted IP
 * ranges and then these rules (first match wins; no match, or an empty list, blocks). Without
 * one (404 on GET), only the space's rules apply.
 */
import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../../../shared/errors.js';
import type { AppInboundRulesetRecord, AppRecord } from '../../store/records.js';
import { manageableApp, visibleApp } from '../access.js';
import type { ApiContext } from '../api-context.js';
import { bodyObject, type ApiServer } from '../build-api.js';
import { appRef } from '../refs.js';
import { validateInboundRules } from '../spaces/cidr-rules.js';

type AppParams = { Params: { app: string } };

function serialize(app: AppRecord, record: AppInboundRulesetRecord): Record<string, unknown> {
  return { id: record.id, app: appRef(app), rules: record.rules, created_at: record.createdAt, created_by: record.createdBy };
}

export function registerAppInboundRulesetRoutes(app: ApiServer, { store }: ApiContext): void {
  app.get<AppParams>('/apps/:app/inbound-ruleset', async (request) => {
    const record = visibleApp(store, request.user, request.params.app);
    const ruleset = store.tables.appInboundRulesets.one('app_id = ?', [record.id]);
    if (ruleset === undefined) throw new NotFoundError('inbound_ruleset', record.name);
    return serialize(record, ruleset);
  });

  app.put<AppParams>('/apps/:app/inbound-ruleset', async (request) => {
    const record = manageableApp(store, request.user, request.params.app);
    const rules = validateInboundRules(bodyObject(request)['rules']);
    const ruleset = { appId: record.id, id: randomUUID(), rules, createdAt: new Date().toISOString(), createdBy: request.user.email };
    store.transaction(() => {
      store.tables.appInboundRulesets.delete('app_id = ?', [record.id]);
      store.tables.appInboundRulesets.insert(ruleset);
    });
    store.changed();
    return serialize(record, ruleset);
  });

  app.delete<AppParams>('/apps/:app/inbound-ruleset', async (request) => {
    const record = manageableApp(store, request.user, request.params.app);
    const ruleset = store.tables.appInboundRulesets.one('app_id = ?', [record.id]);
    if (ruleset === undefined) throw new NotFoundError('inbound_ruleset', record.name);
    store.tables.appInboundRulesets.delete('app_id = ?', [record.id]);
    store.changed();
    return serialize(record, ruleset);
  });
}
