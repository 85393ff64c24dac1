import { seg } from '../../lib/api-client.js';
import { UsageError } from '../../lib/cli-error.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag } from '../../lib/common-flags.js';
import { latestReleaseVersion } from '../../lib/releases.js';
import { appLabel } from '../../lib/styled.js';

export const configUnset = defineCommand({
  id: 'config:unset',
  aliases: ['config:remove'],
  description: 'unset one or more config vars',
  examples: ['config:unset RAILS_ENV -a my-app\nUnsetting RAILS_ENV and restarting ⬢ my-app... done, v4'],
  variadic: true,
  flags: { app: appFlag },
  async run({ input, api, out }) {
    const app = input.app();
    const keys = input.args;
    if (keys.length === 0) throw new UsageError('Specify at least one config var to unset.', 'config:unset');
    await out.action(
      `Unsetting ${keys.join(', ')} and restarting ${appLabel(app)}`,
      async () => {
        await api.patch(`/apps/${seg(app)}/config-vars`, Object.fromEntries(keys.map((k) => [k, null])));
        return latestReleaseVersion(api, app);
      },
      (v) => (v === undefined ? 'done' : `done, v${v}`),
    );
  },
});
