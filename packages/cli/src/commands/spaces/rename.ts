import type { Space } from '@cove/schema';
import { seg } from '../../lib/api-client.js';
import { defineCommand } from '../../lib/command.js';

export const spacesRename = defineCommand({
  id: 'spaces:rename',
  description: 'renames a space',
  examples: ['spaces:rename --from old-space --to new-space\nRenaming space from old-space to new-space... done'],
  flags: {
    from: { type: 'string', description: 'current name of space', valueName: 'SPACE' },
    to: { type: 'string', description: 'desired name of space', valueName: 'SPACE' },
  },
  async run({ input, api, out }) {
    const from = input.requireString('from');
    const to = input.requireString('to');
    await out.action(`Renaming space from ${from} to ${to}`, () => api.patch<Space>(`/spaces/${seg(from)}`, { name: to }));
  },
});
