import { defineCommand } from '../../lib/command.js';
import { appFlag } from '../../lib/common-flags.js';
import { updateBuildpacks } from '../../lib/update-buildpacks.js';

export const buildpacksClear = defineCommand({
  id: 'buildpacks:clear',
  description: 'clear all buildpacks set on the app\nThe next build detects a buildpack (Node.js, then Procfile-only).',
  examples: ['buildpacks:clear -a my-app\nBuildpacks cleared. Next release on ⬢ my-app will detect buildpacks normally.'],
  flags: { app: appFlag },
  async run({ input, api, out }) {
    await updateBuildpacks(api, out, input.app(), 'cleared', () => []);
  },
});
