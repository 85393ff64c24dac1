import type { Authorization } from '@cove/schema';
import { ApiClient } from '../../lib/api-client.js';
import { CliError } from '../../lib/cli-error.js';
import { defineCommand } from '../../lib/command.js';
import { writeCredentials } from '../../lib/credentials.js';
import { ask, readLines } from '../../lib/prompt.js';

export const login = defineCommand({
  id: 'login',
  aliases: ['auth:login'],
  description:
    'log in with your Cove credentials\nThe password may also be an API key (for example the admin key the server printed).\nWhen stdin is not a terminal, the email and password are read from its first two lines.',
  examples: ['login\nEmail: admin@cove.local\nPassword: \nLogged in as admin@cove.local', 'login --email admin@cove.local --password "$COVE_ADMIN_TOKEN"'],
  flags: {
    email: { type: 'string', char: 'e', description: 'account email', valueName: 'EMAIL' },
    password: { type: 'string', char: 'p', description: 'password or API key', valueName: 'PASSWORD' },
  },
  async run({ input, out, runtime }) {
    let email = input.string('email');
    let password = input.string('password');
    if (email === undefined || password === undefined) {
      if (runtime.stdin.isTTY === true) {
        email ??= await ask(runtime.stdin, runtime.promptOutput, 'Email: ');
        password ??= await ask(runtime.stdin, runtime.promptOutput, 'Password: ', true);
      } else {
        const lines = await readLines(runtime.stdin, (email === undefined ? 1 : 0) + (password === undefined ? 1 : 0));
        if (email === undefined) email = lines.shift();
        if (password === undefined) password = lines.shift();
      }
    }
    email = email?.trim();
    if (email === undefined || email === '' || password === undefined || password === '') {
      throw new CliError('Email and password are required.', { suggestions: ['cove login --email EMAIL --password PASSWORD'] });
    }
    const api = new ApiClient({ apiUrl: runtime.apiUrl, token: undefined, version: runtime.version });
    const auth = await api.post<Authorization>(
      '/oauth/authorizations',
      { description: 'cove CLI login', scope: ['global'] },
      { Authorization: `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}` },
    );
    const token = auth.access_token?.token;
    if (token === undefined) throw new CliError('The server did not return an access token.');
    await writeCredentials(runtime.credentialsPath, {
      api_url: runtime.apiUrl,
      email: auth.user.email,
      token,
      authorization_id: auth.id,
    });
    out.log(`Logged in as ${auth.user.email}`);
    if (runtime.env['COVE_API_KEY'] !== undefined && runtime.env['COVE_API_KEY'] !== '') {
      out.warn('COVE_API_KEY is set and takes precedence over the saved credentials.');
    }
  },
});
