import type { Release } from '@cove/schema';
import { seg } from '../../lib/api-client.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag } from '../../lib/common-flags.js';
import { parseVersion, releasesRange, rollbackCandidate } from '../../lib/releases.js';
import { appLabel } from '../../lib/styled.js';

export const releasesRollback = defineCommand({
  id: 'releases:rollback',
  aliases: ['rollback'],
  description:
    'roll back to a previous release\nIf RELEASE is not specified, it will roll back one release (to the second newest eligible one).',
  examples: ['releases:rollback v2 -a my-app\nRolling back ⬢ my-app to v2... done, v5'],
  args: [{ name: 'release', description: 'vN or N' }],
  flags: { app: appFlag },
  async run({ input, api, out }) {
    const app = input.app();
    const arg = input.arg(0);
    const target =
      arg === undefined
        ? rollbackCandidate(await api.get<Release[]>(`/apps/${seg(app)}/releases`, { Range: releasesRange(10) }))
        : await api.get<Release>(`/apps/${seg(app)}/releases/${parseVersion(arg)}`);
    await out.action(
      `Rolling back ${appLabel(app)} to v${target.version}`,
      () => api.post<Release>(`/apps/${seg(app)}/releases`, { release: target.id }),
      (created) => `done, v${created.version}`,
    );
    out.warn("Rollback affects code and config vars; it doesn't add or remove addons.");
  },
});
