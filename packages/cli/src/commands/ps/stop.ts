import { seg } from '../../lib/api-client.js';
import { UsageError } from '../../lib/cli-error.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag } from '../../lib/common-flags.js';
import { appLabel } from '../../lib/styled.js';

export const psStop = defineCommand({
  id: 'ps:stop',
  aliases: ['dyno:stop', 'stop'],
  description: 'stop an app dyno or process type\nA stopped formation dyno is started again by the platform; scale to 0 to keep it down.',
  examples: ['ps:stop --dyno-name web.1 -a my-app\nStopping dyno web.1 on ⬢ my-app... done', 'ps:stop --process-type worker -a my-app'],
  flags: {
    app: appFlag,
    'dyno-name': { type: 'string', char: 'd', description: 'name of the dyno to stop', valueName: 'DYNO' },
    'process-type': { type: 'string', char: 'p', description: 'type of dynos to stop', valueName: 'TYPE' },
  },
  async run({ input, api, out }) {
    const app = input.app();
    const dyno = input.string('dyno-name');
    const type = input.string('process-type');
    if ((dyno === undefined) === (type === undefined)) throw new UsageError('Please specify a process type (--process-type) or a dyno name (--dyno-name) to stop.', 'ps:stop');
    if (dyno !== undefined) {
      await out.action(`Stopping dyno ${dyno} on ${appLabel(app)}`, () => api.post(`/apps/${seg(app)}/dynos/${seg(dyno)}/actions/stop`));
    } else if (type !== undefined) {
      await out.action(`Stopping ${type} dynos on ${appLabel(app)}`, () => api.post(`/apps/${seg(app)}/formations/${seg(type)}/actions/stop`));
    }
  },
});
