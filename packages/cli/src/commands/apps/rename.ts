import type { App } from '@cove/schema';
import { seg } from '../../lib/api-client.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag } from '../../lib/common-flags.js';
import { appLabel } from '../../lib/styled.js';

export const appsRename = defineCommand({
  id: 'apps:rename',
  aliases: ['rename'],
  description: 'rename an app',
  examples: ['apps:rename --app oldname newname\nRenaming ⬢ oldname to ⬢ newname... done\nhttp://newname.apps.example.com/ | https://…/newname.git'],
  args: [{ name: 'newname', description: 'new unique app name', required: true }],
  flags: { app: appFlag },
  async run({ input, api, out }) {
    const app = input.app();
    const newName = input.arg(0) ?? '';
    const renamed = await out.action(`Renaming ${appLabel(app)} to ${appLabel(newName)}`, () =>
      api.patch<App>(`/apps/${seg(app)}`, { name: newName }),
    );
    out.log(`${renamed.web_url} | ${renamed.git_url}`);
  },
});
