import { getCallers } from '../../../lib/allowed-callers.js';
import { seg } from '../../../lib/api-client.js';
import { CliError } from '../../../lib/cli-error.js';
import { defineCommand } from '../../../lib/command.js';
import { appFlag } from '../../../lib/common-flags.js';
import { appLabel } from '../../../lib/styled.js';

export const appsCallersClear = defineCommand({
  id: 'apps:callers:clear',
  description: "remove an internal app's caller list\nEvery app of its space may call it afterwards, as on Heroku.",
  examples: ['apps:callers:clear -a my-api\nRemoving the caller list of ⬢ my-api... done\nEvery app of its space may call it.'],
  flags: { app: appFlag },
  async run({ input, api, out }) {
    const app = input.app();
    if ((await getCallers(api, app)) === null) throw new CliError(`${appLabel(app)} has no caller list: every app of its space may call it. Nothing to do.`);
    await out.action(`Removing the caller list of ${appLabel(app)}`, () => api.delete(`/apps/${seg(app)}/allowed-callers`));
    out.log('Every app of its space may call it.');
  },
});
