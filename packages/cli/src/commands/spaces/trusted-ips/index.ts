import { defineCommand } from '../../../lib/command.js';
import { jsonFlag, spaceFlag } from '../../../lib/common-flags.js';
import { getRuleset, rulesetText } from '../../../lib/inbound-ruleset.js';

export const spacesTrustedIps = defineCommand({
  id: 'spaces:trusted-ips',
  aliases: ['trusted-ips'],
  description: 'list trusted IP ranges for a space\nTrusted IP ranges are only available on Private Spaces. A new space trusts 0.0.0.0/0.',
  examples: ['spaces:trusted-ips --space my-space\n=== Trusted IP Ranges\n\n0.0.0.0/0'],
  args: [{ name: 'space', description: 'space to get inbound rules from' }],
  flags: { space: spaceFlag, json: jsonFlag },
  async run({ input, api, out }) {
    const space = input.space();
    const ruleset = await getRuleset(api, space);
    if (input.boolean('json')) return out.json(ruleset);
    out.log(rulesetText(space, ruleset));
  },
});
