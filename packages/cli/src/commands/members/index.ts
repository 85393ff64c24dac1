import type { TeamMember } from '@cove/schema';
import { seg } from '../../lib/api-client.js';
import { defineCommand } from '../../lib/command.js';
import { jsonFlag, teamFlag } from '../../lib/common-flags.js';
import { table } from '../../lib/table.js';

export const members = defineCommand({
  id: 'members',
  description: 'list members of a team',
  examples: ['members --team acme\nEmail             Role\n────────────────  ─────\nadmin@cove.local  admin'],
  flags: {
    team: teamFlag,
    role: { type: 'string', char: 'r', description: 'filter by role (admin, member, viewer)', valueName: 'ROLE' },
    json: jsonFlag,
  },
  async run({ input, api, out }) {
    const team = input.requireString('team', 'Missing required flag --team (or set COVE_TEAM)');
    const role = input.string('role');
    const list = (await api.get<TeamMember[]>(`/teams/${seg(team)}/members`)).filter((m) => role === undefined || m.role === role);
    if (input.boolean('json')) return out.json(list);
    if (list.length === 0) return out.log(`No members in ${team}${role === undefined ? '' : ` with role ${role}`}`);
    const sorted = [...list].sort((a, b) => a.email.localeCompare(b.email));
    out.log(table(sorted, [{ header: 'Email', get: (m) => m.email }, { header: 'Role', get: (m) => m.role }]));
  },
});
