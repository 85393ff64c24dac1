import { seg } from '../../lib/api-client.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag } from '../../lib/common-flags.js';
import { configLines, parseAssignments } from '../../lib/config-vars.js';
import { latestReleaseVersion } from '../../lib/releases.js';
import { appLabel } from '../../lib/styled.js';

export const configSet = defineCommand({
  id: 'config:set',
  aliases: ['config:add'],
  description: 'set one or more config vars\nEvery change creates a release and restarts the app\'s dynos.',
  examples: ['config:set RAILS_ENV=staging -a my-app\nSetting RAILS_ENV and restarting ⬢ my-app... done, v3\nRAILS_ENV: staging'],
  variadic: true,
  flags: { app: appFlag },
  async run({ input, api, out }) {
    const app = input.app();
    const vars = parseAssignments(input.args);
    await out.action(
      `Setting ${Object.keys(vars).join(', ')} and restarting ${appLabel(app)}`,
      async () => {
        await api.patch(`/apps/${seg(app)}/config-vars`, vars);
        return latestReleaseVersion(api, app);
      },
      (v) => (v === undefined ? 'done' : `done, v${v}`),
    );
    out.log(configLines(vars).join('\n'));
  },
});
