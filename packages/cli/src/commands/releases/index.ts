import type { Release } from '@cove/schema';
import { seg } from '../../lib/api-client.js';
import { UsageError } from '../../lib/cli-error.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag, jsonFlag } from '../../lib/common-flags.js';
import { releasesRange, statusSuffix } from '../../lib/releases.js';
import { appLabel, styledHeader } from '../../lib/styled.js';
import { table } from '../../lib/table.js';
import { timeAgo } from '../../lib/time-ago.js';

export const releases = defineCommand({
  id: 'releases',
  description: 'display the releases for an app',
  examples: ['releases -a my-app\n=== ⬢ my-app Releases - Current: v3\n\nv3  Set GREETING config vars  admin@cove.local  2026/11/22 10:00:00 (~ 1m ago)'],
  flags: { app: appFlag, num: { type: 'string', char: 'n', description: 'number of releases to show (default 15)', valueName: 'N' }, json: jsonFlag },
  async run({ input, api, out }) {
    const app = input.app();
    const num = input.string('num') ?? '15';
    if (!/^\d+$/.test(num) || Number(num) < 1) throw new UsageError('--num must be a positive number', 'releases');
    const list = await api.get<Release[]>(`/apps/${seg(app)}/releases`, { Range: releasesRange(Number(num)) });
    if (input.boolean('json')) return out.json(list);
    if (list.length === 0) return out.log(`${appLabel(app)} has no releases.`);
    const current = list.find((r) => r.current);
    out.log(styledHeader(`${appLabel(app)} Releases${current === undefined ? '' : ` - Current: v${current.version}`}`));
    const sorted = [...list].sort((a, b) => b.version - a.version);
    out.log(
      table(
        sorted,
        [
          { header: 'v', get: (r) => `v${r.version}` },
          { header: 'Description', get: (r) => `${r.description}${statusSuffix(r)}` },
          { header: 'User', get: (r) => r.user?.email },
          { header: 'Created', get: (r) => timeAgo(new Date(r.created_at)) },
        ],
        { header: false },
      ),
    );
  },
});
