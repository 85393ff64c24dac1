import { seg } from '../../lib/api-client.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag, jsonFlag } from '../../lib/common-flags.js';
import { shellQuote } from '../../lib/config-vars.js';

export const configGet = defineCommand({
  id: 'config:get',
  description: 'display a single config value for an app\nA key that is not set prints an empty line.',
  examples: ['config:get GREETING -a my-app\nhello'],
  args: [{ name: 'key', description: 'name of the config var', required: true }],
  variadic: true,
  flags: { app: appFlag, shell: { type: 'boolean', char: 's', description: 'output config vars in shell format' }, json: jsonFlag },
  async run({ input, api, out }) {
    const app = input.app();
    const vars = await api.get<Record<string, string>>(`/apps/${seg(app)}/config-vars`);
    const keys = input.args;
    if (input.boolean('json')) {
      const results = keys.map((key) => ({ key, value: vars[key] ?? null }));
      return out.json(results.length === 1 ? results[0] : results);
    }
    for (const key of keys) {
      const value = vars[key];
      if (input.boolean('shell')) out.log(`${key}=${shellQuote(value ?? '')}`);
      else out.log(value ?? '');
    }
  },
});
