import { callersText, getCallers } from '../../../lib/allowed-callers.js';
import { defineCommand } from '../../../lib/command.js';
import { appFlag, jsonFlag } from '../../../lib/common-flags.js';

export const appsCallers = defineCommand({
  id: 'apps:callers',
  description:
    "list the apps allowed to call an internal app\nWithout a caller list every app of the app's space may call it on the space's internal router. With one, only dynos of the listed apps (and of the app itself) may; others get a 403.",
  examples: ['apps:callers -a my-api\n=== ⬢ my-api Allowed Callers\nbilling\nweb-ui'],
  flags: { app: appFlag, json: jsonFlag },
  async run({ input, api, out }) {
    const app = input.app();
    const list = await getCallers(api, app);
    if (input.boolean('json')) return out.json(list);
    out.log(callersText(app, list));
  },
});
