import { seg } from '../../lib/api-client.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag, confirmFlag } from '../../lib/common-flags.js';
import { confirmName } from '../../lib/confirm.js';
import { appLabel } from '../../lib/styled.js';

export const appsDestroy = defineCommand({
  id: 'apps:destroy',
  aliases: ['destroy', 'apps:delete'],
  description: 'permanently destroy an app',
  examples: ['apps:destroy -a my-app --confirm my-app\nDestroying ⬢ my-app (including all add-ons)... done'],
  args: [{ name: 'app', description: 'app to destroy (or -a)' }],
  flags: { app: appFlag, confirm: confirmFlag },
  async run({ input, api, out, runtime }) {
    const app = input.arg(0) ?? input.app();
    await confirmName(runtime, app, input.string('confirm'), 'app');
    await out.action(`Destroying ${appLabel(app)} (including all add-ons)`, () => api.delete(`/apps/${seg(app)}`));
  },
});
