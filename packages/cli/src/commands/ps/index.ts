import type { App, Dyno } from '@cove/schema';
import { seg } from '../../lib/api-client.js';
import { CliError } from '../../lib/cli-error.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag, jsonFlag } from '../../lib/common-flags.js';
import { dynoListLines } from '../../lib/dyno-list.js';
import { appLabel } from '../../lib/styled.js';

export const ps = defineCommand({
  id: 'ps',
  description: 'list dynos for an app',
  examples: ['ps -a my-app\n=== web (Private-S): node server.js (2)\n\nweb.1: up 2026/11/22 10:00:00 (~ 1m ago)\nweb.2: up 2026/11/22 10:00:00 (~ 1m ago)', 'ps web -a my-app'],
  args: [{ name: 'type', description: 'only show dynos of these process types' }],
  variadic: true,
  flags: { app: appFlag, json: jsonFlag },
  async run({ input, api, out }) {
    const name = input.app();
    const [app, dynos] = await Promise.all([api.get<App>(`/apps/${seg(name)}`), api.get<Dyno[]>(`/apps/${seg(name)}/dynos`)]);
    const types = input.args;
    const selected = dynos.filter((d) => types.length === 0 || types.includes(d.type)).sort((a, b) => a.name.localeCompare(b.name));
    for (const t of types) {
      if (!selected.some((d) => d.type === t)) throw new CliError(`No ${t} dynos on ${appLabel(name)}`);
    }
    if (input.boolean('json')) return out.json(selected);
    if (selected.length === 0) return out.log(`No dynos on ${appLabel(name)}`);
    out.log(dynoListLines(selected, { shield: app.space?.shield === true }).join('\n').trimEnd());
  },
});
