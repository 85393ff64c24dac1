import { defineCommand } from '../../lib/command.js';
import { memberFlags, putMember } from '../../lib/team-members.js';

export const membersAdd = defineCommand({
  id: 'members:add',
  description: 'add a user to a team',
  examples: ['members:add dev@example.com --team acme --role member\nAdding dev@example.com to acme as member... done'],
  args: [{ name: 'email', description: 'email address of the user', required: true }],
  flags: memberFlags,
  run: ({ input, api, out }) => putMember(input, api, out, 'Adding'),
});
