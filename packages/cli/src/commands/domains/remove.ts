import { seg } from '../../lib/api-client.js';
import { UsageError } from '../../lib/cli-error.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag } from '../../lib/common-flags.js';
import { appLabel } from '../../lib/styled.js';

export const domainsRemove = defineCommand({
  id: 'domains:remove',
  description: 'remove a domain from an app',
  examples: ['domains:remove www.example.com -a my-app\nRemoving www.example.com from ⬢ my-app... done'],
  args: [{ name: 'hostname', description: 'the domain to remove' }],
  flags: { app: appFlag },
  async run({ input, api, out }) {
    const app = input.app();
    const hostname = input.arg(0);
    if (hostname === undefined) throw new UsageError('Specify the domain to remove.', 'domains:remove');
    await out.action(`Removing ${hostname} from ${appLabel(app)}`, () => api.delete(`/apps/${seg(app)}/domains/${seg(hostname)}`));
  },
});
