import { seg } from '../../lib/api-client.js';
import { UsageError } from '../../lib/cli-error.js';
import { defineCommand } from '../../lib/command.js';
import { attachToDyno } from '../../lib/rendezvous-client.js';
import { appLabel } from '../../lib/styled.js';
import { oneOffBody, oneOffFlags, type OneOffDyno } from '../../lib/one-off.js';

export const run = defineCommand({
  id: 'run',
  description:
    "run a one-off process inside a dyno of the app's space\nThe command runs at the current release with the app's config vars, on a terminal when stdin is one; cove exits with its status.",
  examples: ['run bash -a my-app', "run -a my-app -- curl -sI http://web.internal-api.app.localspace:5000/", 'run -e "DEBUG=1;LEVEL=2" -a my-app -- node script.js'],
  variadic: true,
  flags: {
    ...oneOffFlags,
    'no-tty': { type: 'boolean', description: 'force the command to not run in a tty' },
    'exit-code': { type: 'boolean', char: 'x', description: 'exit with the command\'s status (always on; for heroku run compatibility)' },
  },
  async run({ input, api, out, runtime }) {
    const app = input.app();
    const command = input.args.join(' ');
    if (command.trim() === '') throw new UsageError('Usage: cove run COMMAND -a APP', 'run');
    const terminal = runtime.terminal;
    const tty = runtime.stdin.isTTY === true && !input.boolean('no-tty');
    const body = oneOffBody(input, command, {
      attach: true,
      ...(tty ? {} : { force_no_tty: true }),
      env: {
        ...(runtime.env['TERM'] === undefined ? {} : { TERM: runtime.env['TERM'] }),
        ...(terminal?.columns === undefined ? {} : { COLUMNS: String(terminal.columns), LINES: String(terminal.rows ?? 24) }),
      },
    });
    const dyno = await out.action(`Running ${command} on ${appLabel(app)}`, () => api.post<OneOffDyno>(`/apps/${seg(app)}/dynos`, body), (d) => `up, ${d.name}`);
    if (dyno.attach_url === null) throw new UsageError('The dyno has no attach URL', 'run');
    return attachToDyno(dyno.attach_url, {
      stdin: runtime.stdin,
      write: (text) => out.write(text),
      ...(terminal === undefined ? {} : { columns: terminal.columns, rows: terminal.rows, onResize: terminal.onResize }),
    });
  },
});
