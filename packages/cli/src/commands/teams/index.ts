import type { Team } from '@cove/schema';
import { defineCommand } from '../../lib/command.js';
import { jsonFlag } from '../../lib/common-flags.js';
import { table } from '../../lib/table.js';

export const teams = defineCommand({
  id: 'teams',
  description: 'list the teams that you are a member of',
  examples: ['teams\nTeam  Role\n────  ─────\nacme  admin'],
  flags: { json: jsonFlag },
  async run({ input, api, out }) {
    const list = await api.get<Team[]>('/teams');
    if (input.boolean('json')) return out.json(list);
    if (list.length === 0) return out.log('You are not a member of any teams.');
    const sorted = [...list].sort((a, b) => a.name.localeCompare(b.name));
    out.log(table(sorted, [{ header: 'Team', get: (t) => t.name }, { header: 'Role', get: (t) => t.role }]));
  },
});
