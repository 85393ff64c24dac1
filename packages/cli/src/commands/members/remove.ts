import { seg } from '../../lib/api-client.js';
import { defineCommand } from '../../lib/command.js';
import { teamFlag } from '../../lib/common-flags.js';

export const membersRemove = defineCommand({
  id: 'members:remove',
  description: 'remove a user from a team',
  examples: ['members:remove dev@example.com --team acme\nRemoving dev@example.com from acme... done'],
  args: [{ name: 'email', description: 'email address of the member', required: true }],
  flags: { team: teamFlag },
  async run({ input, api, out }) {
    const email = input.arg(0) ?? '';
    const team = input.requireString('team', 'Missing required flag --team (or set COVE_TEAM)');
    await out.action(`Removing ${email} from ${team}`, () => api.delete(`/teams/${seg(team)}/members/${seg(email)}`));
  },
});
