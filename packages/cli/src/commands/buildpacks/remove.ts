import { removeBuildpack } from '../../lib/buildpacks.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag } from '../../lib/common-flags.js';
import { updateBuildpacks } from '../../lib/update-buildpacks.js';

export const buildpacksRemove = defineCommand({
  id: 'buildpacks:remove',
  description: 'remove a buildpack set on the app',
  examples: ['buildpacks:remove heroku/nodejs -a my-app', 'buildpacks:remove -i 2 -a my-app'],
  args: [{ name: 'buildpack', description: 'name, path or git URL of the buildpack' }],
  flags: { app: appFlag, index: { type: 'string', char: 'i', description: 'the 1-based index of the buildpack to remove', valueName: 'INDEX' } },
  async run({ input, api, out }) {
    await updateBuildpacks(api, out, input.app(), 'removed', (current) => removeBuildpack(current, input.arg(0), input.string('index')));
  },
});
