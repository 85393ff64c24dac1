import { seg } from '../../lib/api-client.js';
import { UsageError } from '../../lib/cli-error.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag } from '../../lib/common-flags.js';
import { appLabel } from '../../lib/styled.js';

export const psRestart = defineCommand({
  id: 'ps:restart',
  aliases: ['dyno:restart', 'restart'],
  description: 'restart an app\'s dynos\nWith no flags, every dyno restarts.',
  examples: ['ps:restart -a my-app\nRestarting all dynos on ⬢ my-app... done', 'ps:restart --process-type web -a my-app', 'ps:restart --dyno-name web.1 -a my-app'],
  flags: {
    app: appFlag,
    'dyno-name': { type: 'string', char: 'd', description: 'name of the dyno to restart', valueName: 'DYNO' },
    'process-type': { type: 'string', char: 'p', description: 'type of dynos to restart', valueName: 'TYPE' },
  },
  async run({ input, api, out }) {
    const app = input.app();
    const dyno = input.string('dyno-name');
    const type = input.string('process-type');
    if (dyno !== undefined && type !== undefined) throw new UsageError('--dyno-name and --process-type cannot be used together', 'ps:restart');
    if (dyno !== undefined) {
      await out.action(`Restarting dyno ${dyno} on ${appLabel(app)}`, () => api.delete(`/apps/${seg(app)}/dynos/${seg(dyno)}`));
    } else if (type !== undefined) {
      await out.action(`Restarting ${type} dynos on ${appLabel(app)}`, () => api.delete(`/apps/${seg(app)}/formations/${seg(type)}`));
    } else {
      await out.action(`Restarting all dynos on ${appLabel(app)}`, () => api.delete(`/apps/${seg(app)}/dynos`));
    }
  },
});
