import { defineCommand } from '../../lib/command.js';
import { jsonFlag, spaceFlag } from '../../lib/common-flags.js';
import { fetchSpace, spaceInfoText, withOutboundIps } from '../../lib/space-info.js';

export const spacesInfo = defineCommand({
  id: 'spaces:info',
  description: 'show space info',
  examples: ['spaces:info my-space', 'spaces:info --space my-space --json'],
  args: [{ name: 'space', description: 'space to get info of' }],
  flags: { space: spaceFlag, json: jsonFlag },
  async run({ input, api, out }) {
    const json = input.boolean('json');
    const space = await withOutboundIps(api, await fetchSpace(api, input.space(), { expandRegion: !json }));
    if (json) return out.json(space);
    out.log(spaceInfoText(space));
  },
});
