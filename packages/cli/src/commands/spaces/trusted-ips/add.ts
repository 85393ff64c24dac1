import { defineCommand } from '../../../lib/command.js';
import { spaceFlag } from '../../../lib/common-flags.js';
import { appliedText, getRuleset, putRules } from '../../../lib/inbound-ruleset.js';
import { withRangeAdded } from '../../../lib/trusted-ip-ranges.js';

export const spacesTrustedIpsAdd = defineCommand({
  id: 'spaces:trusted-ips:add',
  aliases: ['trusted-ips:add'],
  description: 'add one range to the list of trusted IP ranges\nUses CIDR notation.',
  examples: ['spaces:trusted-ips:add 192.168.2.0/24 --space my-space\nAdded 192.168.2.0/24 to trusted IP ranges on my-space'],
  args: [{ name: 'source', description: 'IP address or CIDR range to trust', required: true }],
  flags: { space: spaceFlag },
  async run({ input, api, out }) {
    const source = input.arg(0) ?? '';
    const space = input.requireString('space');
    const ruleset = await getRuleset(api, space);
    await putRules(api, space, ruleset, withRangeAdded(ruleset.rules, source));
    out.log(`Added ${source} to trusted IP ranges on ${space}`);
    const applied = appliedText(await getRuleset(api, space));
    if (applied !== undefined) out.log(applied);
  },
});
