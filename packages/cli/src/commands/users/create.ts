import type { Account } from '@cove/schema';
import { defineCommand } from '../../lib/command.js';
import { jsonFlag } from '../../lib/common-flags.js';

export const usersCreate = defineCommand({
  id: 'users:create',
  description: 'create an account (server admin only)\nPrints the new account\'s API key once; it can log in with it as the password.',
  examples: ['users:create dev@example.com\nCreating user dev@example.com... done\nAPI key: HRKU-…'],
  args: [{ name: 'email', description: 'email address of the new account', required: true }],
  flags: {
    password: { type: 'string', char: 'p', description: 'password for cove login (at least 8 characters)', valueName: 'PASSWORD' },
    json: jsonFlag,
  },
  async run({ input, api, out }) {
    const email = input.arg(0) ?? '';
    const password = input.string('password');
    const user = await out.action(`Creating user ${email}`, () =>
      api.post<Account & { api_key: string }>('/users', { email, ...(password === undefined ? {} : { password }) }),
    );
    if (input.boolean('json')) return out.json(user);
    out.log(`API key: ${user.api_key}`);
    out.info('This key is shown only once. Share it with the user; they can run cove login with it as the password.');
  },
});
