import { getCallers, putCallers, withCallerAdded } from '../../../lib/allowed-callers.js';
import { defineCommand } from '../../../lib/command.js';
import { appFlag } from '../../../lib/common-flags.js';
import { appLabel } from '../../../lib/styled.js';

export const appsCallersAdd = defineCommand({
  id: 'apps:callers:add',
  description:
    "allow an app of the same space to call an internal app\nThe first app added starts the caller list: from then on only dynos of the listed apps (and of the app itself) may call it.",
  examples: ['apps:callers:add billing -a my-api\nAllowed billing to call ⬢ my-api'],
  args: [{ name: 'caller', description: 'name or id of the app to allow', required: true }],
  flags: { app: appFlag },
  async run({ input, api, out }) {
    const caller = input.arg(0) ?? '';
    const app = input.app();
    const list = await getCallers(api, app);
    await putCallers(api, app, withCallerAdded(list, caller));
    out.log(`Allowed ${caller} to call ${appLabel(app)}`);
    if (list === null) out.log(`Only the apps on its caller list (and ${appLabel(app)} itself) may call it now.`);
  },
});
