import type { SpaceAppAccess } from '@cove/schema';
import { seg } from '../../../lib/api-client.js';
import { defineCommand } from '../../../lib/command.js';
import { jsonFlag, spaceFlag } from '../../../lib/common-flags.js';
import { styledHeader } from '../../../lib/styled.js';
import { table } from '../../../lib/table.js';

export const spacesAccess = defineCommand({
  id: 'spaces:access',
  description: 'list team members and their permissions in a space\nTeam admins can always create apps; members need the create_apps grant.',
  examples: ['spaces:access --space my-space'],
  args: [{ name: 'space', description: 'space to list access for' }],
  flags: { space: spaceFlag, json: jsonFlag },
  async run({ input, api, out }) {
    const space = input.space();
    const list = await api.get<SpaceAppAccess[]>(`/spaces/${seg(space)}/members`);
    if (input.boolean('json')) return out.json(list);
    out.log(styledHeader(`${space} Access`));
    out.log(
      table(list, [
        { header: 'Email', get: (m) => m.user.email },
        { header: 'Role', get: (m) => m.role },
        { header: 'Permissions', get: (m) => m.permissions.map((p) => p.name).join(', ') },
      ]),
    );
  },
});
