import type { LogSession } from '@cove/schema';
import { seg } from '../../lib/api-client.js';
import { UsageError } from '../../lib/cli-error.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag } from '../../lib/common-flags.js';
import { readLogStream } from '../../lib/log-stream.js';

export const logs = defineCommand({
  id: 'logs',
  description: 'display recent log output\nLines are `<time> <source>[<dyno>]: <message>`; the last 1,500 lines of each app are kept.',
  examples: [
    'logs -a my-app',
    'logs -a my-app -n 200',
    'logs -a my-app --tail -p router',
    'logs -a my-app -d web.1 -s app',
  ],
  flags: {
    app: appFlag,
    num: { type: 'string', char: 'n', description: 'number of lines to display (default 100, at most 1500)', valueName: 'N' },
    'dyno-name': { type: 'string', char: 'd', description: 'only show output from this dyno (such as "web.1")', valueName: 'DYNO' },
    'process-type': { type: 'string', char: 'p', description: 'only show output from this process type (such as "web" or "router")', valueName: 'TYPE' },
    source: { type: 'string', char: 's', description: 'only show output from this source ("app" or "heroku")', valueName: 'SOURCE' },
    tail: { type: 'boolean', char: 't', description: 'continually stream logs' },
  },
  async run({ input, api, out, runtime }) {
    const app = input.app();
    const num = input.string('num') ?? '100';
    if (!/^\d+$/.test(num)) throw new UsageError('--num must be a number of lines', 'logs');
    const dyno = input.string('dyno-name');
    const type = input.string('process-type');
    if (dyno !== undefined && type !== undefined) throw new UsageError('--dyno-name and --process-type cannot be used together', 'logs');
    const tail = input.boolean('tail');
    const filter = dyno ?? type;
    const source = input.string('source');
    const session = await api.post<LogSession>(`/apps/${seg(app)}/log-sessions`, {
      lines: Number(num),
      tail,
      ...(filter === undefined ? {} : { dyno: filter }),
      ...(source === undefined ? {} : { source }),
    });
    const stop = new AbortController();
    const onSignal = (): void => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      await readLogStream(session.logplex_url, { tail, userAgent: `cove-cli/${runtime.version}`, onLine: (line) => out.log(line), signal: stop.signal });
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  },
});
