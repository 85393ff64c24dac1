import { defineCommand } from '../../../lib/command.js';
import { spaceFlag } from '../../../lib/common-flags.js';
import { appliedText, getRuleset, putRules } from '../../../lib/inbound-ruleset.js';
import { withRangeRemoved } from '../../../lib/trusted-ip-ranges.js';

export const spacesTrustedIpsRemove = defineCommand({
  id: 'spaces:trusted-ips:remove',
  aliases: ['trusted-ips:remove'],
  description: 'remove a range from the list of trusted IP ranges',
  examples: ['spaces:trusted-ips:remove 192.168.2.0/24 --space my-space\nRemoved 192.168.2.0/24 from trusted IP ranges on my-space'],
  args: [{ name: 'source', description: 'IP address or CIDR range to remove', required: true }],
  flags: { space: spaceFlag },
  async run({ input, api, out }) {
    const source = input.arg(0) ?? '';
    const space = input.requireString('space');
    const ruleset = await getRuleset(api, space);
    await putRules(api, space, ruleset, withRangeRemoved(ruleset.rules, source));
    out.log(`Removed ${source} from trusted IP ranges on ${space}`);
    const applied = appliedText(await getRuleset(api, space));
    if (applied !== undefined) out.log(applied);
  },
});
