import { setTimeout as sleep } from 'node:timers/promises';
import { CliError, UsageError } from '../../lib/cli-error.js';
import { defineCommand } from '../../lib/command.js';
import { jsonFlag, spaceFlag } from '../../lib/common-flags.js';
import { fetchSpace, spaceInfoText, withOutboundIps } from '../../lib/space-info.js';

function seconds(text: string | undefined, fallback: number, flag: string): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new UsageError(`--${flag} must be a number of seconds`, 'spaces:wait');
  return value;
}

export const spacesWait = defineCommand({
  id: 'spaces:wait',
  description: 'wait for a space to be created',
  examples: ['spaces:wait --space my-space\nWaiting for space my-space to allocate... done', 'spaces:wait my-space --interval 5 --timeout 300'],
  args: [{ name: 'space', description: 'space to wait for' }],
  flags: {
    space: spaceFlag,
    interval: { type: 'string', char: 'i', description: 'seconds to wait between checks (default 30)', valueName: 'SECONDS' },
    timeout: { type: 'string', char: 't', description: 'maximum seconds to wait (default 1500)', valueName: 'SECONDS' },
    json: jsonFlag,
  },
  async run({ input, api, out }) {
    const name = input.space();
    const interval = seconds(input.string('interval'), 30, 'interval');
    const timeout = seconds(input.string('timeout'), 1500, 'timeout');
    const json = input.boolean('json');
    const deadline = Date.now() + timeout * 1000;
    // Progress: one dot per poll after the label, then "... done" (or "!" on failure).
    out.progress(`Waiting for space ${name} to allocate`);
    let space;
    try {
      let current = await fetchSpace(api, name, { expandRegion: !json });
      while (current.state === 'allocating') {
        if (Date.now() > deadline) throw new CliError('Timeout waiting for space to become allocated.');
        out.progress('.');
        await sleep(interval * 1000);
        current = await fetchSpace(api, name, { expandRegion: !json });
      }
      space = await withOutboundIps(api, current);
    } catch (error) {
      out.progress(' !\n');
      throw error;
    }
    out.progress('... done\n');
    if (json) return out.json(space);
    out.log(spaceInfoText(space));
  },
});
