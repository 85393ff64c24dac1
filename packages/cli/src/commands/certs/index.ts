import { seg } from '../../lib/api-client.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag, jsonFlag } from '../../lib/common-flags.js';
import { appLabel } from '../../lib/styled.js';
import { table } from '../../lib/table.js';

export interface SniEndpoint {
  name: string;
  ssl_cert: { cert_domains: string[]; expires_at: string | null; 'ca_signed?': boolean };
}

export const certs = defineCommand({
  id: 'certs',
  description: 'list SSL certificates for an app',
  examples: ['certs -a my-app\nName               Common Name(s)   Expires               Trusted\nbrisk-otter-1a2b3c www.example.com  2027-11-30 12:00 UTC  True'],
  flags: { app: appFlag, json: jsonFlag },
  async run({ input, api, out }) {
    const app = input.app();
    const list = await api.get<SniEndpoint[]>(`/apps/${seg(app)}/sni-endpoints`);
    if (input.boolean('json')) return out.json(list);
    if (list.length === 0) return out.log(`${appLabel(app)} has no SSL certificates.\nUse cove certs:add CRT KEY to add one.`);
    out.log(
      table(list, [
        { header: 'Name', get: (e) => e.name },
        { header: 'Common Name(s)', get: (e) => e.ssl_cert.cert_domains.join(', ') },
        { header: 'Expires', get: (e) => (e.ssl_cert.expires_at === null ? '' : e.ssl_cert.expires_at.replace('T', ' ').slice(0, 16) + ' UTC') },
        { header: 'Trusted', get: (e) => (e.ssl_cert['ca_signed?'] ? 'True' : 'False') },
      ]),
    );
  },
});
