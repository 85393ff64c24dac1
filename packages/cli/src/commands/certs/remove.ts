import { seg } from '../../lib/api-client.js';
import { CliError } from '../../lib/cli-error.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag } from '../../lib/common-flags.js';
import { appLabel } from '../../lib/styled.js';
import type { SniEndpoint } from './index.js';

export const certsRemove = defineCommand({
  id: 'certs:remove',
  description: 'remove an SSL certificate from an app\nWith several certificates, name the one to remove with --name.',
  examples: ['certs:remove -a my-app --name brisk-otter-1a2b3c\nRemoving SSL certificate brisk-otter-1a2b3c from ⬢ my-app... done'],
  flags: { app: appFlag, name: { type: 'string', description: 'name of the certificate to remove', valueName: 'NAME' } },
  async run({ input, api, out }) {
    const app = input.app();
    let name = input.string('name');
    if (name === undefined) {
      const list = await api.get<SniEndpoint[]>(`/apps/${seg(app)}/sni-endpoints`);
      if (list.length !== 1) throw new CliError(list.length === 0 ? `${app} has no SSL certificates.` : 'This app has several certificates: pass --name.');
      name = list[0]?.name ?? '';
    }
    const chosen = name;
    await out.action(`Removing SSL certificate ${chosen} from ${appLabel(app)}`, () => api.delete(`/apps/${seg(app)}/sni-endpoints/${seg(chosen)}`));
  },
});
