import type { Release } from '@cove/schema';
import { seg } from '../../lib/api-client.js';
import { CliError } from '../../lib/cli-error.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag, jsonFlag } from '../../lib/common-flags.js';
import { configLines, shellLines } from '../../lib/config-vars.js';
import { parseVersion, releasesRange, statusSuffix } from '../../lib/releases.js';
import { styledHeader, styledObject } from '../../lib/styled.js';
import { timeAgo } from '../../lib/time-ago.js';

export const releasesInfo = defineCommand({
  id: 'releases:info',
  description: 'view detailed information for a release\nWithout a version, shows the newest release.',
  examples: ['releases:info v3 -a my-app\n=== Release v3\n\nAdd-ons:\nChange:  Set GREETING config vars\nBy:      admin@cove.local\n…'],
  args: [{ name: 'release', description: 'vN or N' }],
  flags: { app: appFlag, json: jsonFlag, shell: { type: 'boolean', char: 's', description: 'output in shell format' } },
  async run({ input, api, out }) {
    const app = input.app();
    const arg = input.arg(0);
    let release: Release | undefined;
    if (arg === undefined) {
      [release] = await api.get<Release[]>(`/apps/${seg(app)}/releases`, { Range: releasesRange(10) });
      if (release === undefined) throw new CliError(`No releases found for ${app}`);
    } else {
      release = await api.get<Release>(`/apps/${seg(app)}/releases/${parseVersion(arg)}`);
    }
    const vars = await api.get<Record<string, string>>(`/apps/${seg(app)}/releases/${release.version}/config-vars`);
    if (input.boolean('json')) return out.json(release);
    if (input.boolean('shell')) {
      out.log(`=== Release v${release.version}`);
      return out.log(shellLines(vars).join('\n'));
    }
    out.log(
      styledHeader(`Release v${release.version}`) +
        '\n' +
        styledObject({
          'Add-ons': release.addon_plan_names,
          Change: `${release.description}${statusSuffix(release)}`,
          By: release.user?.email,
          'Eligible for Rollback?': release.eligible_for_rollback === false ? 'No' : 'Yes',
          When: timeAgo(new Date(release.created_at)),
        }),
    );
    out.log();
    out.log(styledHeader(`v${release.version} Config vars`) + '\n' + configLines(vars).join('\n'));
  },
});
