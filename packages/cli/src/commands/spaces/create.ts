import type { Space } from '@cove/schema';
import { defineCommand } from '../../lib/command.js';
import { jsonFlag, teamFlag } from '../../lib/common-flags.js';
import { spaceInfoText } from '../../lib/space-info.js';

export const spacesCreate = defineCommand({
  id: 'spaces:create',
  description: 'create a new space\nThe space becomes usable once allocated; cove spaces:wait waits for that.',
  examples: [
    'spaces:create --space my-space --team my-team',
    'spaces:create --space my-space --team my-team --cidr 10.0.0.0/16 --data-cidr 172.23.0.0/20',
  ],
  args: [{ name: 'space', description: 'name of space to create' }],
  flags: {
    space: { type: 'string', char: 's', description: 'name of space to create', valueName: 'SPACE' },
    team: teamFlag,
    region: { type: 'string', description: 'region name', valueName: 'REGION' },
    cidr: { type: 'string', description: 'RFC-1918 CIDR the space will use (default 10.0.0.0/16)', valueName: 'CIDR' },
    'data-cidr': { type: 'string', description: 'RFC-1918 CIDR used by data services in the space', valueName: 'CIDR' },
    shield: { type: 'boolean', description: 'create a Shield space' },
    json: jsonFlag,
  },
  async run({ input, api, out }) {
    const name = input.space();
    const team = input.requireString('team', 'Missing required flag --team (or set COVE_TEAM)');
    const region = input.string('region');
    const cidr = input.string('cidr');
    const dataCidr = input.string('data-cidr');
    const body = {
      name,
      team,
      ...(region === undefined ? {} : { region }),
      ...(cidr === undefined ? {} : { cidr }),
      ...(dataCidr === undefined ? {} : { data_cidr: dataCidr }),
      ...(input.boolean('shield') ? { shield: true } : {}),
    };
    const space = await out.action(`Creating space ${name} in team ${team}`, () => api.post<Space>('/spaces', body));
    if (input.boolean('json')) return out.json(space);
    out.log(spaceInfoText(space, { regionName: true }));
  },
});
