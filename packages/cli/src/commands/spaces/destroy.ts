import { seg } from '../../lib/api-client.js';
import { defineCommand } from '../../lib/command.js';
import { confirmFlag, spaceFlag } from '../../lib/common-flags.js';
import { confirmName } from '../../lib/confirm.js';

export const spacesDestroy = defineCommand({
  id: 'spaces:destroy',
  description: 'permanently destroy a space\nThe space must have no apps left.',
  examples: ['spaces:destroy --space my-space --confirm my-space\nDestroying space my-space... done'],
  args: [{ name: 'space', description: 'space to destroy' }],
  flags: { space: spaceFlag, confirm: confirmFlag },
  async run({ input, api, out, runtime }) {
    const space = input.space();
    await confirmName(runtime, space, input.string('confirm'), 'space');
    await out.action(`Destroying space ${space}`, () => api.delete(`/spaces/${seg(space)}`));
  },
});
