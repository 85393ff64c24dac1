import type { Region } from '@cove/schema';
import { defineCommand } from '../../lib/command.js';
import { jsonFlag } from '../../lib/common-flags.js';
import { table } from '../../lib/table.js';

export const regions = defineCommand({
  id: 'regions',
  description: 'list available regions for deployment',
  examples: ['regions\nID     Location  Runtime\n─────  ────────  ──────────────\nlocal  This host  Private Spaces'],
  flags: { json: jsonFlag },
  async run({ input, api, out }) {
    const list = await api.get<Region[]>('/regions');
    if (input.boolean('json')) return out.json(list);
    const sorted = [...list].sort((a, b) => Number(a.private_capable) - Number(b.private_capable) || a.name.localeCompare(b.name));
    out.log(
      table(sorted, [
        { header: 'ID', get: (r) => r.name },
        { header: 'Location', get: (r) => r.description },
        { header: 'Runtime', get: (r) => (r.private_capable ? 'Private Spaces' : 'Common Runtime') },
      ]),
    );
  },
});
