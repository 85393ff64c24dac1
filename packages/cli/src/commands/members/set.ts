import { defineCommand } from '../../lib/command.js';
import { memberFlags, putMember } from '../../lib/team-members.js';

export const membersSet = defineCommand({
  id: 'members:set',
  description: "sets a member's role in a team",
  examples: ['members:set dev@example.com --team acme --role admin\nSetting dev@example.com as admin in acme... done'],
  args: [{ name: 'email', description: 'email address of the member', required: true }],
  flags: memberFlags,
  run: ({ input, api, out }) => putMember(input, api, out, 'Setting'),
});
