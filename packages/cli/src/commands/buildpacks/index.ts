import type { BuildpackInstallation } from '@cove/schema';
import { seg } from '../../lib/api-client.js';
import { buildpackLines, buildpackUrls } from '../../lib/buildpacks.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag, jsonFlag } from '../../lib/common-flags.js';
import { appLabel, styledHeader } from '../../lib/styled.js';

export const buildpacks = defineCommand({
  id: 'buildpacks',
  description: "display the buildpacks for an app\nWith none set, builds detect one: Node.js (package.json), then Procfile-only.",
  examples: ['buildpacks -a my-app\n=== ⬢ my-app Buildpack URL\n\nheroku/nodejs'],
  flags: { app: appFlag, json: jsonFlag },
  async run({ input, api, out }) {
    const app = input.app();
    const list = await api.get<BuildpackInstallation[]>(`/apps/${seg(app)}/buildpack-installations`);
    if (input.boolean('json')) return out.json(list);
    const urls = buildpackUrls(list);
    if (urls.length === 0) return out.log(`${appLabel(app)} has no Buildpack URL set.`);
    out.log(styledHeader(`${appLabel(app)} Buildpack URL${urls.length > 1 ? 's' : ''}`) + '\n' + buildpackLines(urls).join('\n'));
  },
});
