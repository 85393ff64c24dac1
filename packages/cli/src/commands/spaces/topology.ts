import type { App, SpaceTopology } from '@cove/schema';
import { seg } from '../../lib/api-client.js';
import { defineCommand } from '../../lib/command.js';
import { jsonFlag, spaceFlag } from '../../lib/common-flags.js';
import { appLabel, styledHeader, styledObject } from '../../lib/styled.js';

export const spacesTopology = defineCommand({
  id: 'spaces:topology',
  description: 'show space topology: apps, their domains and dynos with private IPs',
  examples: ['spaces:topology --space my-space\n=== ⬢ my-app (web)\n\nDomains:    my-app.example.com\nDynos:      web.1 - 10.0.0.5 - 1.web.my-app.app.localspace'],
  args: [{ name: 'space', description: 'space to get topology of' }],
  flags: { space: spaceFlag, json: jsonFlag },
  async run({ input, api, out }) {
    const name = input.space();
    const topology = await api.get<SpaceTopology>(`/spaces/${seg(name)}/topology`);
    if (input.boolean('json')) return out.json(topology);
    const apps = await Promise.all(topology.apps.map((a) => api.get<App>(`/apps/${seg(a.id)}`)));
    const blocks = topology.apps.map((entry, i) => {
      const formations = entry.formations.map((f) => f.process_type);
      const dynos = entry.formations.flatMap((f) => f.dynos.map((d) => `${f.process_type}.${d.number} - ${d.private_ip ?? ''} - ${d.hostname}`));
      const appName = apps[i]?.name ?? entry.id;
      return `${styledHeader(`${appLabel(appName)} (${formations.join(', ')})`)}\n${styledObject({ Domains: entry.domains, Dynos: dynos })}`;
    });
    out.log(blocks.length === 0 ? `No apps in space ${name}` : blocks.join('\n\n'));
  },
});
