import type { LogDrain } from '@cove/schema';
import { seg } from '../../lib/api-client.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag } from '../../lib/common-flags.js';

export const drainsAdd = defineCommand({
  id: 'drains:add',
  description: 'adds a log drain to an app\nsyslog://HOST:PORT and syslog+tls://HOST:PORT get RFC 5424 lines (octet counting); https:// gets Heroku\'s logplex batches.',
  examples: ['drains:add syslog+tls://logs.example.com:6514 -a my-app\nSuccessfully added drain syslog+tls://logs.example.com:6514'],
  args: [{ name: 'url', description: 'URL of the log drain', required: true }],
  flags: { app: appFlag },
  async run({ input, api, out }) {
    const app = input.app();
    const drain = await api.post<LogDrain>(`/apps/${seg(app)}/log-drains`, { url: input.arg(0) ?? '' });
    out.log(`Successfully added drain ${drain.url}`);
  },
});
