/** `spaces:info` and `spaces:wait`: the space with its outbound IPs, in heroku's layout. */
import type { Space, SpaceNat } from '@cove/schema';
import { seg, type ApiClient } from './api-client.js';
import { styledHeader, styledObject } from './styled.js';

/** The JSON `spaces:info --json` prints: the space plus `outbound_ips` (the NAT object). */
export type SpaceWithOutboundIps = Space & { outbound_ips?: SpaceNat };

export async function fetchSpace(api: ApiClient, space: string, options: { expandRegion: boolean }): Promise<Space> {
  return api.get<Space>(`/spaces/${seg(space)}`, options.expandRegion ? { 'Accept-Expansion': 'region' } : undefined);
}

/** Adds `outbound_ips` when the space is allocated; NAT errors are ignored as heroku does. */
export async function withOutboundIps(api: ApiClient, space: Space): Promise<SpaceWithOutboundIps> {
  if (space.state !== 'allocated') return space;
  try {
    return { ...space, outbound_ips: await api.get<SpaceNat>(`/spaces/${seg(space.name)}/nat`) };
  } catch {
    return space;
  }
}

export function outboundIpsText(nat: SpaceNat | undefined): string | undefined {
  if (nat === undefined) return undefined;
  if (nat.state !== 'enabled') return nat.state;
  return nat.sources.join(', ');
}

export function spaceInfoText(space: SpaceWithOutboundIps, options: { regionName?: boolean } = {}): string {
  const generation = typeof space.generation === 'string' ? space.generation : (space.generation as { name?: string } | undefined)?.name;
  return (
    styledHeader(space.name) +
    '\n' +
    styledObject({
      ID: space.id,
      Team: space.team?.name,
      Region: options.regionName === true ? space.region?.name : space.region?.description,
      CIDR: space.cidr,
      'Data CIDR': space.data_cidr,
      State: space.state,
      Shield: space.shield ? 'on' : 'off',
      'Outbound IPs': outboundIpsText(space.outbound_ips),
      Generation: generation,
      'Created at': space.created_at,
    })
  );
}
