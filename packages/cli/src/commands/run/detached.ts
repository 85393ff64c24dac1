import { seg } from '../../lib/api-client.js';
import { UsageError } from '../../lib/cli-error.js';
import { defineCommand } from '../../lib/command.js';
import { oneOffBody, oneOffFlags, type OneOffDyno } from '../../lib/one-off.js';
import { appLabel } from '../../lib/styled.js';

export const runDetached = defineCommand({
  id: 'run:detached',
  description: "run a detached dyno, where output is sent to the app's logs",
  examples: ['run:detached -a my-app -- node migrate.js\nRunning node migrate.js on ⬢ my-app... done, run.4821 (Private-S)'],
  variadic: true,
  flags: {
    ...oneOffFlags,
  },
  async run({ input, api, out }) {
    const app = input.app();
    const command = input.args.join(' ');
    if (command.trim() === '') throw new UsageError('Usage: cove run:detached COMMAND -a APP', 'run:detached');
    const body = oneOffBody(input, command, { attach: false });
    const dyno = await out.action(`Running ${command} on ${appLabel(app)}`, () => api.post<OneOffDyno>(`/apps/${seg(app)}/dynos`, body), (d) => `done, ${d.name} (${d.size})`);
    out.log(dyno.name);
  },
});
