import { CliError } from '../../lib/cli-error.js';
import { defineCommand } from '../../lib/command.js';

export const token = defineCommand({
  id: 'auth:token',
  description:
    'outputs the current CLI authentication token\nUse it as a Bearer token with curl (curl -H "Authorization: Bearer $(cove auth:token)" …),\nor as HEROKU_API_KEY for the heroku CLI.',
  examples: ['auth:token\nHRKU-…'],
  async run({ out, runtime }) {
    if (runtime.token === undefined) throw new CliError('Not logged in', { suggestions: ['Run cove login, or set COVE_API_KEY'] });
    out.log(runtime.token);
  },
});
