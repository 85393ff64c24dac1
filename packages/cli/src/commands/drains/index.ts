import type { LogDrain } from '@cove/schema';
import { seg } from '../../lib/api-client.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag, jsonFlag } from '../../lib/common-flags.js';
import { styledHeader } from '../../lib/styled.js';

export const drains = defineCommand({
  id: 'drains',
  description: 'display the log drains of an app',
  examples: ['drains -a my-app\n=== Drains\nsyslog+tls://logs.example.com:6514 (d.0f3c6a9e-8a1b-4a57-9d53-1c1f3f0b2a4e)'],
  flags: { app: appFlag, json: jsonFlag },
  async run({ input, api, out }) {
    const app = input.app();
    const list = await api.get<LogDrain[]>(`/apps/${seg(app)}/log-drains`);
    if (input.boolean('json')) return out.json(list);
    if (list.length === 0) return out.log(`${app} has no log drains.`);
    out.log(styledHeader('Drains'));
    for (const drain of list) out.log(`${drain.url} (${drain.token})`);
  },
});
