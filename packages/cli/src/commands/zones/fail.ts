import type { Zone } from '@cove/schema';
import { seg } from '../../lib/api-client.js';
import { defineCommand } from '../../lib/command.js';
import { jsonFlag, spaceFlag } from '../../lib/common-flags.js';

export const zonesFail = defineCommand({
  id: 'zones:fail',
  description: 'mark a zone of a space as failed; its dynos move to healthy zones (a failure drill)',
  examples: ['zones:fail --space my-space --zone zone-a\nFailing zone zone-a of space my-space... done'],
  flags: {
    space: spaceFlag,
    zone: { type: 'string', char: 'z', description: 'zone name (see cove zones)', valueName: 'ZONE' },
    json: jsonFlag,
  },
  async run({ input, api, out }) {
    const space = input.space();
    const zone = input.requireString('zone');
    const result = await out.action(`Failing zone ${zone} of space ${space}`, () =>
      api.post<Zone>(`/spaces/${seg(space)}/zones/${seg(zone)}/actions/fail`),
    );
    if (input.boolean('json')) out.json(result);
  },
});
