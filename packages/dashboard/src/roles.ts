/** What the signed-in person may do in a team: viewers see no edit controls (the API refuses them anyway). */
import type { TeamMember } from '@cove/schema';
import { seg } from '@cove/api-client';
import { api, type SessionAccount } from './session.js';

export async function canEdit(account: SessionAccount, team: string | null | undefined): Promise<boolean> {
  if (account.server_admin) return true;
  if (team === null || team === undefined) return true;
  try {
    const members = await api.get<TeamMember[]>(`/teams/${seg(team)}/members`);
    const me = members.find((m) => m.email === account.email);
    return me !== undefined && me.role !== 'viewer';
  } catch {
    return false;
  }
}
