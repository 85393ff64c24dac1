import type { Build } from '@cove/schema';
import { seg } from '../../lib/api-client.js';
import { CliError } from '../../lib/cli-error.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag } from '../../lib/common-flags.js';

export const buildsOutput = defineCommand({
  id: 'builds:output',
  description: "stream a build's output (the latest build when ID is not given), live while it runs",
  examples: ['builds:output -a my-app\n-----> Building on Cove\n-----> Node.js app detected\n…'],
  args: [{ name: 'id', description: 'the build id' }],
  flags: { app: appFlag },
  async run({ input, api, out }) {
    const app = input.app();
    const id = input.arg(0);
    const build = id === undefined ? (await api.get<Build[]>(`/apps/${seg(app)}/builds`)).at(-1) : await api.get<Build>(`/apps/${seg(app)}/builds/${seg(id)}`);
    if (build === undefined) throw new CliError(`No builds on ${app} yet.`);
    const res = await fetch(build.output_stream_url);
    if (!res.ok || res.body === null) throw new CliError(`Cannot read the output of build ${build.id} (${res.status})`);
    const decoder = new TextDecoder();
    for await (const chunk of res.body) out.write(decoder.decode(chunk as Uint8Array, { stream: true }));
  },
});
