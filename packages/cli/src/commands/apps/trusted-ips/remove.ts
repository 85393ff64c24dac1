import { CliError } from '../../../lib/cli-error.js';
import { defineCommand } from '../../../lib/command.js';
import { appFlag } from '../../../lib/common-flags.js';
import { getAppRuleset, putAppRules } from '../../../lib/app-inbound-ruleset.js';
import { appLabel } from '../../../lib/styled.js';
import { withRangeRemoved } from '../../../lib/trusted-ip-ranges.js';

export const appsTrustedIpsRemove = defineCommand({
  id: 'apps:trusted-ips:remove',
  description:
    "remove a range from an app's own trusted IP ranges\nRemoving the last one blocks every public web request to the app; apps:trusted-ips:clear goes back to its space's ranges only.",
  examples: ['apps:trusted-ips:remove 192.168.2.0/24 -a my-app\nRemoved 192.168.2.0/24 from trusted IP ranges of ⬢ my-app'],
  args: [{ name: 'source', description: 'IP address or CIDR range to remove', required: true }],
  flags: { app: appFlag },
  async run({ input, api, out }) {
    const source = input.arg(0) ?? '';
    const app = input.app();
    const ruleset = await getAppRuleset(api, app);
    if (ruleset === null) throw new CliError(`${appLabel(app)} has no trusted IP ranges of its own. Nothing to do.`);
    const rules = withRangeRemoved(ruleset.rules, source);
    await putAppRules(api, app, rules);
    out.log(`Removed ${source} from trusted IP ranges of ${appLabel(app)}`);
    if (rules.length === 0) {
      out.log(`${appLabel(app)} has no trusted IP ranges left: all inbound web requests to it are blocked. Run apps:trusted-ips:clear to apply only its space's.`);
    }
  },
});
