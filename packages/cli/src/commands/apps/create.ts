import type { App } from '@cove/schema';
import { UsageError } from '../../lib/cli-error.js';
import { defineCommand } from '../../lib/command.js';
import { jsonFlag, spaceFlag, teamFlag } from '../../lib/common-flags.js';
import { appLabel } from '../../lib/styled.js';

export const appsCreate = defineCommand({
  id: 'apps:create',
  aliases: ['create'],
  description: 'creates a new app\nWithout a name the server picks one. --internal-routing makes the web process reachable only inside the space.',
  examples: [
    'apps:create\nCreating app... done, ⬢ sleepy-meadow-81798\nhttp://sleepy-meadow-81798.apps.example.com/ | https://…/sleepy-meadow-81798.git',
    'apps:create my-api --space prod --internal-routing',
  ],
  args: [{ name: 'app', description: 'name of app to create' }],
  flags: {
    app: { type: 'string', char: 'a', description: 'name of app to create', valueName: 'APP' },
    space: { ...spaceFlag, description: 'the private space to create the app in' },
    team: teamFlag,
    region: { type: 'string', description: 'specify region for the app to run in', valueName: 'REGION' },
    'internal-routing': { type: 'boolean', description: 'private space-only: create as an internal web app that is only routable in the local network' },
    json: jsonFlag,
  },
  async run({ input, api, out }) {
    const name = input.arg(0) ?? input.string('app');
    const space = input.string('space');
    const team = input.string('team');
    const region = input.string('region');
    const internal = input.boolean('internal-routing');
    if (internal && space === undefined) throw new UsageError('Space name required.\nInternal Web Apps are only available for Private Spaces.\nUSAGE: cove apps:create --space my-space --internal-routing', 'apps:create');
    const body = {
      ...(name === undefined ? {} : { name }),
      ...(region === undefined ? {} : { region }),
      ...(space === undefined ? {} : { space }),
      ...(team === undefined ? {} : { team }),
      ...(internal ? { internal_routing: true } : {}),
    };
    const path = space !== undefined || team !== undefined ? '/teams/apps' : '/apps';
    const label = `Creating ${name === undefined ? 'app' : appLabel(name)}${space === undefined ? '' : ` in space ${space}`}`;
    const app = await out.action(label, () => api.post<App>(path, body), (a) => (name === undefined ? `done, ${appLabel(a.name)}` : 'done'));
    if (input.boolean('json')) return out.json(app);
    out.log(`${app.web_url} | ${app.git_url}`);
  },
});
