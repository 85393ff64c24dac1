import { seg } from '../../lib/api-client.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag, jsonFlag } from '../../lib/common-flags.js';
import { appLabel, styledHeader } from '../../lib/styled.js';
import { table } from '../../lib/table.js';

interface Domain {
  hostname: string;
  kind: 'heroku' | 'custom';
  cname: string | null;
}

export const domains = defineCommand({
  id: 'domains',
  description: 'list domains of an app',
  examples: ['domains -a my-app\n=== ⬢ my-app Heroku Domain\nmy-app.cove.localhost\n\n=== ⬢ my-app Custom Domains\nDomain Name      DNS Record Type  DNS Target\nwww.example.com  CNAME            my-app.cove.localhost'],
  flags: { app: appFlag, json: jsonFlag },
  async run({ input, api, out }) {
    const app = input.app();
    const list = await api.get<Domain[]>(`/apps/${seg(app)}/domains`);
    if (input.boolean('json')) return out.json(list);
    out.log(styledHeader(`${appLabel(app)} Heroku Domain`));
    out.log(list.filter((d) => d.kind === 'heroku').map((d) => d.hostname).join('\n'));
    const custom = list.filter((d) => d.kind === 'custom');
    if (custom.length === 0) return;
    out.log('\n' + styledHeader(`${appLabel(app)} Custom Domains`));
    out.log(
      table(custom, [
        { header: 'Domain Name', get: (d) => d.hostname },
        // An internal app's target is its space's internal router address: an A record.
        { header: 'DNS Record Type', get: (d) => (/^\d+\.\d+\.\d+\.\d+$/.test(d.cname ?? '') ? 'A' : d.hostname.split('.').length > 2 ? 'CNAME' : 'ALIAS or ANAME') },
        { header: 'DNS Target', get: (d) => d.cname ?? '' },
      ]),
    );
  },
});
