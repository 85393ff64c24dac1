import type { LogDrain } from '@cove/schema';
import { seg } from '../../../lib/api-client.js';
import { defineCommand } from '../../../lib/command.js';
import { spaceFlag } from '../../../lib/common-flags.js';

export const spacesDrainsSet = defineCommand({
  id: 'spaces:drains:set',
  aliases: ['drains:set'],
  description: 'replace the log drain of a space\nEvery app in the space sends its lines there (team admins only).',
  examples: ['spaces:drains:set https://logs.example.com/space --space my-space\nSuccessfully set drain https://logs.example.com/space for my-space.'],
  args: [{ name: 'url', description: 'URL to replace the drain with', required: true }],
  flags: { space: spaceFlag },
  async run({ input, api, out }) {
    const space = input.space();
    const drain = await api.put<LogDrain>(`/spaces/${seg(space)}/log-drain`, { url: input.arg(0) ?? '' });
    out.log(`Successfully set drain ${drain.url} for ${space}.`);
  },
});
