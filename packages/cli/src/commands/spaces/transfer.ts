import { seg } from '../../lib/api-client.js';
import { defineCommand } from '../../lib/command.js';
import { spaceFlag, teamFlag } from '../../lib/common-flags.js';

export const spacesTransfer = defineCommand({
  id: 'spaces:transfer',
  description: 'transfer a space to another team',
  examples: ['spaces:transfer --space my-space --team other-team\nTransferring space my-space to team other-team... done'],
  flags: { space: spaceFlag, team: { ...teamFlag, description: 'desired owner of space' } },
  async run({ input, api, out }) {
    const space = input.space();
    const team = input.requireString('team');
    await out.action(`Transferring space ${space} to team ${team}`, () => api.post(`/spaces/${seg(space)}/transfer`, { new_owner: team }));
  },
});
