import type { LogDrain } from '@cove/schema';
import { seg } from '../../lib/api-client.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag } from '../../lib/common-flags.js';

export const drainsRemove = defineCommand({
  id: 'drains:remove',
  description: 'removes a log drain from an app',
  examples: ['drains:remove syslog+tls://logs.example.com:6514 -a my-app\nSuccessfully removed drain syslog+tls://logs.example.com:6514'],
  args: [{ name: 'url', description: 'URL, id or token of the log drain', required: true }],
  flags: { app: appFlag },
  async run({ input, api, out }) {
    const app = input.app();
    const drain = await api.delete<LogDrain>(`/apps/${seg(app)}/log-drains/${seg(input.arg(0) ?? '')}`);
    out.log(`Successfully removed drain ${drain.url}`);
  },
});
