import { CliError } from '../../../lib/cli-error.js';
import { defineCommand } from '../../../lib/command.js';
import { appFlag } from '../../../lib/common-flags.js';
import { getAppRuleset } from '../../../lib/app-inbound-ruleset.js';
import { seg } from '../../../lib/api-client.js';
import { appLabel } from '../../../lib/styled.js';

export const appsTrustedIpsClear = defineCommand({
  id: 'apps:trusted-ips:clear',
  description: "remove an app's own trusted IP ranges\nOnly its space's trusted IP ranges apply afterwards.",
  examples: ["apps:trusted-ips:clear -a my-app\nRemoving trusted IP ranges of ⬢ my-app... done\nOnly its space's trusted IP ranges apply."],
  flags: { app: appFlag },
  async run({ input, api, out }) {
    const app = input.app();
    if ((await getAppRuleset(api, app)) === null) throw new CliError(`${appLabel(app)} has no trusted IP ranges of its own. Nothing to do.`);
    await out.action(`Removing trusted IP ranges of ${appLabel(app)}`, () => api.delete(`/apps/${seg(app)}/inbound-ruleset`));
    out.log("Only its space's trusted IP ranges apply.");
  },
});
