import type { LogDrain } from '@cove/schema';
import { seg } from '../../../lib/api-client.js';
import { defineCommand } from '../../../lib/command.js';
import { jsonFlag, spaceFlag } from '../../../lib/common-flags.js';

export const spacesDrainsGet = defineCommand({
  id: 'spaces:drains:get',
  aliases: ['drains:get'],
  description: 'display the log drain of a space\nIt carries the lines of every app in the space.',
  examples: ['spaces:drains:get --space my-space\nhttps://logs.example.com/space (d.0f3c6a9e-8a1b-4a57-9d53-1c1f3f0b2a4e)'],
  flags: { space: spaceFlag, json: jsonFlag },
  async run({ input, api, out }) {
    const drain = await api.get<LogDrain>(`/spaces/${seg(input.space())}/log-drain`);
    if (input.boolean('json')) return out.json(drain);
    out.log(`${drain.url} (${drain.token})`);
  },
});
