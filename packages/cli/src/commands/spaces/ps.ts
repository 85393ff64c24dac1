import type { Space, SpaceDynos } from '@cove/schema';
import { seg } from '../../lib/api-client.js';
import { defineCommand } from '../../lib/command.js';
import { jsonFlag, spaceFlag } from '../../lib/common-flags.js';
import { dynoListLines } from '../../lib/dyno-list.js';

export const spacesPs = defineCommand({
  id: 'spaces:ps',
  description: 'list dynos for a space',
  examples: ['spaces:ps --space my-space\n=== my-app web (Private-S): node server.js (1)\n\nweb.1: up 2026/11/22 10:00:00 (~ 1m ago)'],
  args: [{ name: 'space', description: 'space to get dynos of' }],
  flags: { space: spaceFlag, json: jsonFlag },
  async run({ input, api, out }) {
    const name = input.space();
    const [apps, space] = await Promise.all([
      api.get<SpaceDynos[]>(`/spaces/${seg(name)}/dynos`),
      api.get<Space>(`/spaces/${seg(name)}`),
    ]);
    if (input.boolean('json')) return out.json(apps);
    const lines = apps.flatMap((a) => dynoListLines(a.dynos, { shield: space.shield, prefix: `${a.app_name} ` }));
    out.log(lines.length === 0 ? `No dynos in space ${name}` : lines.join('\n').trimEnd());
  },
});
