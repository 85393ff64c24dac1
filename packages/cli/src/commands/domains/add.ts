import { seg } from '../../lib/api-client.js';
import { UsageError } from '../../lib/cli-error.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag, jsonFlag } from '../../lib/common-flags.js';
import { appLabel } from '../../lib/styled.js';

export const domainsAdd = defineCommand({
  id: 'domains:add',
  description: 'add a domain to an app\nPoint the domain at the DNS target shown (a CNAME to the app\'s default domain; for an internal app, an A record to its space\'s internal router address).',
  examples: ['domains:add www.example.com -a my-app\nAdding www.example.com to ⬢ my-app... done\nConfigure your app\'s DNS provider to point to the DNS Target my-app.cove.localhost'],
  args: [{ name: 'hostname', description: 'the domain, e.g. www.example.com' }],
  flags: { app: appFlag, json: jsonFlag },
  async run({ input, api, out }) {
    const app = input.app();
    const hostname = input.arg(0);
    if (hostname === undefined) throw new UsageError('Specify the domain to add.', 'domains:add');
    const domain = await out.action(`Adding ${hostname} to ${appLabel(app)}`, () =>
      api.post<{ hostname: string; cname: string | null }>(`/apps/${seg(app)}/domains`, { hostname, sni_endpoint: null }),
    );
    if (input.boolean('json')) return out.json(domain);
    out.log(`Configure your app's DNS provider to point to the DNS Target ${domain.cname ?? ''}`);
  },
});
