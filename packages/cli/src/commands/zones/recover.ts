import type { Zone } from '@cove/schema';
import { seg } from '../../lib/api-client.js';
import { defineCommand } from '../../lib/command.js';
import { jsonFlag, spaceFlag } from '../../lib/common-flags.js';

export const zonesRecover = defineCommand({
  id: 'zones:recover',
  description: 'mark a failed zone of a space as healthy again',
  examples: ['zones:recover --space my-space --zone zone-a\nRecovering zone zone-a of space my-space... done'],
  flags: {
    space: spaceFlag,
    zone: { type: 'string', char: 'z', description: 'zone name (see cove zones)', valueName: 'ZONE' },
    json: jsonFlag,
  },
  async run({ input, api, out }) {
    const space = input.space();
    const zone = input.requireString('zone');
    const result = await out.action(`Recovering zone ${zone} of space ${space}`, () =>
      api.post<Zone>(`/spaces/${seg(space)}/zones/${seg(zone)}/actions/recover`),
    );
    if (input.boolean('json')) out.json(result);
  },
});
