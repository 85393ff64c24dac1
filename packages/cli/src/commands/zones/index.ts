import type { Zone } from '@cove/schema';
import { seg } from '../../lib/api-client.js';
import { defineCommand } from '../../lib/command.js';
import { jsonFlag, spaceFlag } from '../../lib/common-flags.js';
import { styledHeader } from '../../lib/styled.js';
import { table } from '../../lib/table.js';

export const zones = defineCommand({
  id: 'zones',
  description: "list a space's zones: health, subnet and the dynos placed in each",
  examples: ['zones --space my-space\n=== Zones in my-space\n\nZone    Health   Subnet        Dynos\n──────  ───────  ────────────  ─────────────────\nzone-a  healthy  10.0.0.0/20   my-app web.1 (10.0.0.5)'],
  args: [{ name: 'space', description: 'space to list zones of' }],
  flags: { space: spaceFlag, json: jsonFlag },
  async run({ input, api, out }) {
    const space = input.space();
    const list = await api.get<Zone[]>(`/spaces/${seg(space)}/zones`);
    if (input.boolean('json')) return out.json(list);
    out.log(styledHeader(`Zones in ${space}`));
    out.log(
      table(list, [
        { header: 'Zone', get: (z) => z.name },
        { header: 'Health', get: (z) => (z.healthy ? 'healthy' : 'failed') },
        { header: 'Subnet', get: (z) => z.subnet },
        { header: 'Dynos', get: (z) => z.dynos.map((d) => `${d.app} ${d.name}${d.private_ip === null ? '' : ` (${d.private_ip})`}`).join(', ') },
      ]),
    );
  },
});
