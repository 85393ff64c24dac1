/**
 * Cove's `GET /spaces/:space/network`: the addresses inside a space that the dashboard's topology
 * picture draws (its internal DNS resolver, its internal router, each zone's subnet and gateway),
 * all derived from the space's CIDR.
 */
import type { SpaceNetwork } from '@cove/schema';
import { spaceAddresses } from '../../../shared/space-addressing.js';
import { visibleSpace } from '../../domain/access.js';
import type { ApiContext } from '../api-context.js';
import type { ApiServer } from '../api-server.js';

export function registerSpaceNetworkRoutes(app: ApiServer, { store }: ApiContext): void {
  app.get<{ Params: { space: string } }>('/spaces/:space/network', async (request): Promise<SpaceNetwork> => {
    const space = visibleSpace(store, request.user, request.params.space);
    const addresses = spaceAddresses(space.cidr);
    return {
      cidr: addresses.cidr,
      dns_address: addresses.dnsAddress,
      router_address: addresses.routerAddress,
      zones: addresses.zones.map((z) => ({ name: z.name, subnet: z.subnet, gateway: z.gateway })),
    };
  });
}
