/** The command registry: every `cove` command, one file each under this folder. */
import type { CommandDefinition } from '../lib/command.js';
import { appsCallersAdd } from './apps/callers/add.js';
import { appsCallersClear } from './apps/callers/clear.js';
import { appsCallers } from './apps/callers/index.js';
import { appsCallersRemove } from './apps/callers/remove.js';
import { appsCreate } from './apps/create.js';
import { appsDestroy } from './apps/destroy.js';
import { apps } from './apps/index.js';
import { appsInfo } from './apps/info.js';
import { appsRename } from './apps/rename.js';
import { appsTrustedIpsAdd } from './apps/trusted-ips/add.js';
import { appsTrustedIpsClear } from './apps/trusted-ips/clear.js';
import { appsTrustedIps } from './apps/trusted-ips/index.js';
import { appsTrustedIpsRemove } from './apps/trusted-ips/remove.js';
import { login } from './auth/login.js';
import { logout } from './auth/logout.js';
import { token } from './auth/token.js';
import { whoami } from './auth/whoami.js';
import { buildpacksAdd } from './buildpacks/add.js';
import { buildpacksClear } from './buildpacks/clear.js';
import { buildpacks } from './buildpacks/index.js';
import { buildpacksRemove } from './buildpacks/remove.js';
import { buildpacksSet } from './buildpacks/set.js';
import { builds } from './builds/index.js';
import { buildsOutput } from './builds/output.js';
import { configGet } from './config/get.js';
import { config } from './config/index.js';
import { configSet } from './config/set.js';
import { configUnset } from './config/unset.js';
import { drainsAdd } from './drains/add.js';
import { drains } from './drains/index.js';
import { drainsRemove } from './drains/remove.js';
import { logs } from './logs/index.js';
import { certsAdd } from './certs/add.js';
import { certs } from './certs/index.js';
import { certsRemove } from './certs/remove.js';
import { domainsAdd } from './domains/add.js';
import { domains } from './domains/index.js';
import { domainsRemove } from './domains/remove.js';
import { membersAdd } from './members/add.js';
import { members } from './members/index.js';
import { membersRemove } from './members/remove.js';
import { membersSet } from './members/set.js';
import { ps } from './ps/index.js';
import { psRestart } from './ps/restart.js';
import { psScale } from './ps/scale.js';
import { psStop } from './ps/stop.js';
import { regions } from './regions/index.js';
import { runDetached } from './run/detached.js';
import { run } from './run/index.js';
import { releases } from './releases/index.js';
import { releasesInfo } from './releases/info.js';
import { releasesRollback } from './releases/rollback.js';
import { spacesAccessGrant } from './spaces/access/grant.js';
import { spacesAccess } from './spaces/access/index.js';
import { spacesAccessRevoke } from './spaces/access/revoke.js';
import { spacesCreate } from './spaces/create.js';
import { spacesDestroy } from './spaces/destroy.js';
import { spacesDrainsGet } from './spaces/drains/get.js';
import { spacesDrainsSet } from './spaces/drains/set.js';
import { spaces } from './spaces/index.js';
import { spacesInfo } from './spaces/info.js';
import { spacesPs } from './spaces/ps.js';
import { spacesRename } from './spaces/rename.js';
import { spacesTopology } from './spaces/topology.js';
import { spacesTransfer } from './spaces/transfer.js';
import { spacesTrustedIpsAdd } from './spaces/trusted-ips/add.js';
import { spacesTrustedIps } from './spaces/trusted-ips/index.js';
import { spacesTrustedIpsRemove } from './spaces/trusted-ips/remove.js';
import { spacesWait } from './spaces/wait.js';
import { teamsCreate } from './teams/create.js';
import { teams } from './teams/index.js';
import { usersCreate } from './users/create.js';
import { zonesFail } from './zones/fail.js';
import { zones } from './zones/index.js';
import { zonesRecover } from './zones/recover.js';

export const COMMANDS: readonly CommandDefinition[] = [
  appsCreate,
  appsDestroy,
  apps,
  appsInfo,
  appsRename,
  appsCallers,
  appsCallersAdd,
  appsCallersRemove,
  appsCallersClear,
  appsTrustedIps,
  appsTrustedIpsAdd,
  appsTrustedIpsRemove,
  appsTrustedIpsClear,
  login,
  logout,
  token,
  whoami,
  buildpacks,
  buildpacksAdd,
  buildpacksClear,
  buildpacksRemove,
  buildpacksSet,
  builds,
  buildsOutput,
  configGet,
  config,
  configSet,
  configUnset,
  drainsAdd,
  drains,
  drainsRemove,
  logs,
  certsAdd,
  certs,
  certsRemove,
  domainsAdd,
  domains,
  domainsRemove,
  membersAdd,
  members,
  membersRemove,
  membersSet,
  ps,
  psRestart,
  psScale,
  psStop,
  regions,
  run,
  runDetached,
  releases,
  releasesInfo,
  releasesRollback,
  spacesAccessGrant,
  spacesAccess,
  spacesAccessRevoke,
  spacesCreate,
  spacesDestroy,
  spacesDrainsGet,
  spacesDrainsSet,
  spaces,
  spacesInfo,
  spacesPs,
  spacesRename,
  spacesTopology,
  spacesTransfer,
  spacesTrustedIpsAdd,
  spacesTrustedIps,
  spacesTrustedIpsRemove,
  spacesWait,
  teamsCreate,
  teams,
  usersCreate,
  zonesFail,
  zones,
  zonesRecover,
];
