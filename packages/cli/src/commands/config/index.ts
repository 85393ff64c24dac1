import { seg } from '../../lib/api-client.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag, jsonFlag } from '../../lib/common-flags.js';
import { configLines, shellLines } from '../../lib/config-vars.js';
import { appLabel, styledHeader } from '../../lib/styled.js';

export const config = defineCommand({
  id: 'config',
  description: 'display the config vars for an app',
  examples: ['config -a my-app\n=== ⬢ my-app Config Vars\n\nGREETING: hello', 'config -a my-app --shell > .env'],
  flags: { app: appFlag, shell: { type: 'boolean', char: 's', description: 'output config vars in shell format' }, json: jsonFlag },
  async run({ input, api, out }) {
    const app = input.app();
    const vars = await api.get<Record<string, string>>(`/apps/${seg(app)}/config-vars`);
    if (input.boolean('json')) return out.json(vars);
    if (input.boolean('shell')) {
      const lines = shellLines(vars);
      if (lines.length > 0) out.log(lines.join('\n'));
      return;
    }
    out.log(styledHeader(`${appLabel(app)} Config Vars`) + '\n' + configLines(vars).join('\n'));
  },
});
