import type { Build } from '@cove/schema';
import { seg } from '../../lib/api-client.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag, jsonFlag } from '../../lib/common-flags.js';
import { appLabel, styledHeader } from '../../lib/styled.js';
import { table } from '../../lib/table.js';
import { timeAgo } from '../../lib/time-ago.js';

export const builds = defineCommand({
  id: 'builds',
  description: 'list the builds of an app (git pushes and POST /apps/APP/builds), newest first',
  examples: ['builds -a my-app\n=== ⬢ my-app Builds\n\n1d2c3b4a-…  succeeded  dev@example.com  3f2a1b0c  2026/12/01 08:00:00 (~ 1m ago)'],
  flags: { app: appFlag, num: { type: 'string', char: 'n', description: 'number of builds to show (default 15)', valueName: 'N' }, json: jsonFlag },
  async run({ input, api, out }) {
    const app = input.app();
    const list = (await api.get<Build[]>(`/apps/${seg(app)}/builds`)).slice().reverse().slice(0, Number(input.string('num') ?? '15') || 15);
    if (input.boolean('json')) return out.json(list);
    if (list.length === 0) return out.log(`${appLabel(app)} has no builds.`);
    out.log(styledHeader(`${appLabel(app)} Builds`));
    out.log(
      table(
        list,
        [
          { header: 'ID', get: (b) => b.id },
          { header: 'Status', get: (b) => b.status },
          { header: 'User', get: (b) => b.user.email },
          { header: 'Version', get: (b) => b.source_blob.version?.slice(0, 8) ?? '' },
          { header: 'Created', get: (b) => timeAgo(new Date(b.created_at)) },
        ],
        { header: false },
      ),
    );
  },
});
