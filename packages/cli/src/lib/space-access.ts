/** Granting and revoking the `create_apps` permission of a team member in a space. */
import type { SpaceAppAccess } from '@cove/schema';
import { seg, type ApiClient } from './api-client.js';

export async function setSpacePermissions(api: ApiClient, space: string, email: string, permissions: string[]): Promise<SpaceAppAccess> {
  return api.patch<SpaceAppAccess>(`/spaces/${seg(space)}/members/${seg(email)}`, {
    permissions: permissions.map((name) => ({ name })),
  });
}
