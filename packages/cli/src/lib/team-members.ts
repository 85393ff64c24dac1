/** `members:add` and `members:set` send the same request: PUT is an upsert of {email, role}. */
import type { TeamMember } from '@cove/schema';
import { seg, type ApiClient } from './api-client.js';
import type { CommandDefinition, ParsedInput } from './command.js';
import { teamFlag } from './common-flags.js';
import type { Output } from './output.js';

export const TEAM_ROLES = ['admin', 'member', 'viewer'] as const;

export const memberFlags: NonNullable<CommandDefinition['flags']> = {
  team: teamFlag,
  role: { type: 'string', char: 'r', description: `member role (${TEAM_ROLES.join(', ')})`, valueName: 'ROLE' },
};

export async function putMember(input: ParsedInput, api: ApiClient, out: Output, verb: 'Adding' | 'Setting'): Promise<void> {
  const email = input.arg(0) ?? '';
  const team = input.requireString('team', 'Missing required flag --team (or set COVE_TEAM)');
  const role = input.requireString('role', `Missing required flag --role (${TEAM_ROLES.join(', ')})`);
  const label = verb === 'Adding' ? `Adding ${email} to ${team} as ${role}` : `Setting ${email} as ${role} in ${team}`;
  await out.action(label, () => api.put<TeamMember>(`/teams/${seg(team)}/members`, { email, role }));
}
