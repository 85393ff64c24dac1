import type { Team } from '@cove/schema';
import { defineCommand } from '../../lib/command.js';
import { jsonFlag } from '../../lib/common-flags.js';

export const teamsCreate = defineCommand({
  id: 'teams:create',
  description: 'create a team; you become its admin',
  examples: ['teams:create acme\nCreating team acme... done'],
  args: [{ name: 'name', description: 'name of the team', required: true }],
  flags: { json: jsonFlag },
  async run({ input, api, out }) {
    const name = input.arg(0) ?? '';
    const team = await out.action(`Creating team ${name}`, () => api.post<Team>('/teams', { name }));
    if (input.boolean('json')) out.json(team);
  },
});
