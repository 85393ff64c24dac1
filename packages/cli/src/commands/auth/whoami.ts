import type { Account } from '@cove/schema';
import { CliError } from '../../lib/cli-error.js';
import { defineCommand } from '../../lib/command.js';
import { jsonFlag } from '../../lib/common-flags.js';

export const whoami = defineCommand({
  id: 'auth:whoami',
  aliases: ['whoami'],
  description: 'display the current logged in user',
  examples: ['auth:whoami\nadmin@cove.local'],
  flags: { json: jsonFlag },
  async run({ input, api, out }) {
    if (!api.hasToken) throw new CliError('Not logged in', { suggestions: ['Run cove login, or set COVE_API_KEY'] });
    const account = await api.get<Account>('/account');
    if (input.boolean('json')) out.json(account);
    else out.log(account.email);
  },
});
