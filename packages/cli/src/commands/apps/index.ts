import type { Account, App, Space } from '@cove/schema';
import { seg } from '../../lib/api-client.js';
import { defineCommand } from '../../lib/command.js';
import { jsonFlag, spaceFlag, teamFlag } from '../../lib/common-flags.js';
import { appListLine } from '../../lib/app-info.js';
import { styledHeader } from '../../lib/styled.js';

export const apps = defineCommand({
  id: 'apps',
  aliases: ['list', 'apps:list'],
  description: 'list your apps',
  examples: ['apps\n=== My Apps\n\nexample\nexample2', 'apps --team acme', 'apps --space prod'],
  flags: {
    all: { type: 'boolean', char: 'A', description: 'include apps in all teams' },
    team: teamFlag,
    space: spaceFlag,
    json: jsonFlag,
  },
  async run({ input, api, out }) {
    const spaceName = input.string('space');
    let team = input.string('team');
    if (spaceName !== undefined) team = (await api.get<Space>(`/spaces/${seg(spaceName)}`)).team.name;
    const path = input.boolean('all') ? '/apps' : team !== undefined ? `/teams/${seg(team)}/apps` : '/users/~/apps';
    let list = await api.get<App[]>(path);
    if (spaceName !== undefined) list = list.filter((a) => a.space?.name === spaceName || a.space?.id === spaceName);
    list = [...list].sort((a, b) => a.name.localeCompare(b.name));
    if (input.boolean('json')) return out.json(list);
    if (spaceName !== undefined || team !== undefined) {
      const where = spaceName !== undefined ? `space ${spaceName}` : `team ${team ?? ''}`;
      if (list.length === 0) return out.log(`There are no apps in ${where}.`);
      out.log(styledHeader(`Apps in ${where}`));
      return out.log(list.map((a) => appListLine(a)).join('\n'));
    }
    if (list.length === 0) return out.log('You have no apps.');
    const account = await api.get<Account>('/account');
    const mine = list.filter((a) => a.owner.email === account.email);
    const others = list.filter((a) => a.owner.email !== account.email);
    const blocks: string[] = [];
    if (mine.length > 0) blocks.push(styledHeader(`${account.email} Apps`) + '\n' + mine.map((a) => appListLine(a)).join('\n'));
    if (others.length > 0) blocks.push(styledHeader('Collaborated Apps') + '\n' + others.map((a) => appListLine(a, true)).join('\n'));
    out.log(blocks.join('\n\n'));
  },
});
