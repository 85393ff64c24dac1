import { defineCommand } from '../../../lib/command.js';
import { appFlag, jsonFlag } from '../../../lib/common-flags.js';
import { appRulesetText, getAppRuleset } from '../../../lib/app-inbound-ruleset.js';

export const appsTrustedIps = defineCommand({
  id: 'apps:trusted-ips',
  description:
    "list an app's own trusted IP ranges\nPublic web requests to the app must come from its space's trusted IP ranges and then from these. An app has none of its own until one is added.",
  examples: ['apps:trusted-ips -a my-app\n=== ⬢ my-app Trusted IP Ranges\n203.0.113.0/24'],
  flags: { app: appFlag, json: jsonFlag },
  async run({ input, api, out }) {
    const app = input.app();
    const ruleset = await getAppRuleset(api, app);
    if (input.boolean('json')) return out.json(ruleset);
    out.log(appRulesetText(app, ruleset));
  },
});
