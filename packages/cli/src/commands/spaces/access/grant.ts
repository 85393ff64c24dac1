import { defineCommand } from '../../../lib/command.js';
import { spaceFlag } from '../../../lib/common-flags.js';
import { setSpacePermissions } from '../../../lib/space-access.js';

export const spacesAccessGrant = defineCommand({
  id: 'spaces:access:grant',
  description: 'let a team member create apps in a space',
  examples: ['spaces:access:grant dev@example.com --space my-space\nGranting dev@example.com app creation in my-space... done'],
  args: [{ name: 'email', description: 'email of the team member', required: true }],
  flags: { space: spaceFlag },
  async run({ input, api, out }) {
    const email = input.arg(0) ?? '';
    const space = input.requireString('space');
    await out.action(`Granting ${email} app creation in ${space}`, () => setSpacePermissions(api, space, email, ['create_apps']));
  },
});
