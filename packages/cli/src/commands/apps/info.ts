import type { App, Dyno } from '@cove/schema';
import { seg } from '../../lib/api-client.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag, jsonFlag } from '../../lib/common-flags.js';
import { appInfoText, countByType } from '../../lib/app-info.js';
import { shellQuote } from '../../lib/config-vars.js';

export const appsInfo = defineCommand({
  id: 'apps:info',
  aliases: ['info'],
  description: 'show detailed app information',
  examples: ['apps:info -a my-app\n=== my-app\n\nDynos:            web: 2\nGit URL:          https://…/my-app.git\nInternal Routing: true\nOwner:            admin@cove.local\n…', 'apps:info -a my-app --shell'],
  args: [{ name: 'app', description: 'app to show (or -a)' }],
  flags: { app: appFlag, json: jsonFlag, shell: { type: 'boolean', description: 'output more shell friendly key/value pairs' } },
  async run({ input, api, out }) {
    const name = input.arg(0) ?? input.app();
    const [app, dynos] = await Promise.all([
      api.get<App>(`/apps/${seg(name)}`),
      api.get<Dyno[]>(`/apps/${seg(name)}/dynos`).catch(() => [] as Dyno[]),
    ]);
    if (input.boolean('json')) return out.json({ app, dynos });
    if (input.boolean('shell')) {
      const dynoCounts = Object.entries(countByType(dynos)).map(([k, v]) => `${k}: ${v}`).join(', ');
      const pairs: [string, string | undefined][] = [
        ['git_url', app.git_url],
        ['web_url', app.web_url],
        ['internal_routing', String(app.internal_routing === true)],
        ['owner', app.owner.email],
        ['region', app.region.name],
        ['space', app.space?.name],
        ['dynos', `{ ${dynoCounts} }`],
        ['stack', app.stack.name],
      ];
      return out.log(pairs.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${shellQuote(v ?? '')}`).join('\n'));
    }
    out.log(appInfoText(app, dynos));
  },
});
