import type { Space } from '@cove/schema';
import { CliError, EXIT } from '../../lib/cli-error.js';
import { defineCommand } from '../../lib/command.js';
import { jsonFlag, teamFlag } from '../../lib/common-flags.js';
import { table } from '../../lib/table.js';

export const spaces = defineCommand({
  id: 'spaces',
  description: 'list available spaces',
  examples: ['spaces', 'spaces --team acme --json'],
  flags: { team: teamFlag, json: jsonFlag },
  async run({ input, api, out }) {
    const team = input.string('team');
    const list = (await api.get<Space[]>('/spaces')).filter((s) => team === undefined || s.team?.name === team);
    if (list.length === 0) {
      throw new CliError(team === undefined ? 'You do not have access to any spaces.' : `You do not have access to any spaces in the ${team} team.`, {
        exitCode: EXIT.apiError,
      });
    }
    if (input.boolean('json')) return out.json(list);
    const sorted = [...list].sort((a, b) => a.name.localeCompare(b.name));
    out.log(
      table(sorted, [
        { header: 'Name', get: (s) => s.name },
        { header: 'Team', get: (s) => s.team?.name },
        { header: 'Region', get: (s) => s.region?.name },
        { header: 'State', get: (s) => s.state },
        { header: 'Generation', get: (s) => (typeof s.generation === 'string' ? s.generation : '') },
        { header: 'Created At', get: (s) => s.created_at },
      ]),
    );
  },
});
