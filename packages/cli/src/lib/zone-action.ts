import type { Zone } from '@cove/schema';
import { seg } from './api-client.js';
import { defineCommand } from './command.js';
import { jsonFlag, spaceFlag } from './common-flags.js';

/** `zones:fail` and `zones:recover`: the same request to `…/zones/:zone/actions/<action>`. */
export function defineZoneAction(action: 'fail' | 'recover', description: string, progress: string): ReturnType<typeof defineCommand> {
  return defineCommand({
    id: `zones:${action}`,
    description,
    examples: [`zones:${action} --space my-space --zone a\n${progress} zone a of space my-space... done`],
    flags: {
      space: spaceFlag,
      zone: { type: 'string', char: 'z', description: 'zone name (see cove zones)', valueName: 'ZONE' },
      json: jsonFlag,
    },
    async run({ input, api, out }) {
      const space = input.space();
      const zone = input.requireString('zone');
      const result = await out.action(`${progress} zone ${zone} of space ${space}`, () =>
        api.post<Zone>(`/spaces/${seg(space)}/zones/${seg(zone)}/actions/${action}`),
      );
      if (input.boolean('json')) out.json(result);
    },
  });
}
