import { setBuildpack } from '../../lib/buildpacks.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag } from '../../lib/common-flags.js';
import { updateBuildpacks } from '../../lib/update-buildpacks.js';

export const buildpacksSet = defineCommand({
  id: 'buildpacks:set',
  description: 'set new app buildpack, overwriting into list of buildpacks if necessary\nBUILDPACK is heroku/nodejs, cove/procfile, an absolute path on the server, or a local git URL.',
  examples: ['buildpacks:set heroku/nodejs -a my-app'],
  args: [{ name: 'buildpack', description: 'name, path or git URL of the buildpack', required: true }],
  flags: { app: appFlag, index: { type: 'string', char: 'i', description: 'the 1-based index of the buildpack in the list', valueName: 'INDEX' } },
  async run({ input, api, out }) {
    const url = input.arg(0) ?? '';
    await updateBuildpacks(api, out, input.app(), 'set', (current) => setBuildpack(current, url, input.string('index')));
  },
});
