import { defineCommand } from '../../../lib/command.js';
import { appFlag } from '../../../lib/common-flags.js';
import { getAppRuleset, putAppRules } from '../../../lib/app-inbound-ruleset.js';
import { appLabel } from '../../../lib/styled.js';
import { withRangeAdded } from '../../../lib/trusted-ip-ranges.js';

export const appsTrustedIpsAdd = defineCommand({
  id: 'apps:trusted-ips:add',
  description:
    "add one range to an app's own trusted IP ranges\nUses CIDR notation. The first range added makes the app accept public web requests only from its trusted IP ranges (after its space's).",
  examples: ['apps:trusted-ips:add 192.168.2.0/24 -a my-app\nAdded 192.168.2.0/24 to trusted IP ranges of ⬢ my-app'],
  args: [{ name: 'source', description: 'IP address or CIDR range to trust', required: true }],
  flags: { app: appFlag },
  async run({ input, api, out }) {
    const source = input.arg(0) ?? '';
    const app = input.app();
    const ruleset = await getAppRuleset(api, app);
    await putAppRules(api, app, withRangeAdded(ruleset?.rules ?? [], source));
    out.log(`Added ${source} to trusted IP ranges of ${appLabel(app)}`);
    if (ruleset === null) out.log(`${appLabel(app)} now accepts public web requests only from its trusted IP ranges.`);
  },
});
