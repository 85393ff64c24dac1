import { defineCommand } from '../../../lib/command.js';
import { spaceFlag } from '../../../lib/common-flags.js';
import { setSpacePermissions } from '../../../lib/space-access.js';

export const spacesAccessRevoke = defineCommand({
  id: 'spaces:access:revoke',
  description: 'take away a team member\'s permission to create apps in a space',
  examples: ['spaces:access:revoke dev@example.com --space my-space\nRevoking app creation in my-space from dev@example.com... done'],
  args: [{ name: 'email', description: 'email of the team member', required: true }],
  flags: { space: spaceFlag },
  async run({ input, api, out }) {
    const email = input.arg(0) ?? '';
    const space = input.requireString('space');
    await out.action(`Revoking app creation in ${space} from ${email}`, () => setSpacePermissions(api, space, email, []));
  },
});
