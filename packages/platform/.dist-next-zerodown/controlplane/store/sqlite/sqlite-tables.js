import { Table } from './table.js';
/** Maps every table of the schema (see migrations.ts) to its record type. */
export function createTables(db) {
    const users = new Table(db, 'users', {
        id: 'text', email: 'text', name: 'text', passwordHash: 'text', serverAdmin: 'bool',
        createdAt: 'text', updatedAt: 'text', lastLogin: 'text',
    });
    const authorizations = new Table(db, 'authorizations', {
        id: 'text', userId: 'text', tokenHash: 'text', description: 'text', scope: 'json',
        expiresAt: 'text', revokedAt: 'text', createdAt: 'text', updatedAt: 'text',
    });
    const teams = new Table(db, 'teams', { id: 'text', name: 'text', createdAt: 'text', updatedAt: 'text' });
    const teamMembers = new Table(db, 'team_members', {
        teamId: 'text', userId: 'text', role: 'text', createdAt: 'text', updatedAt: 'text',
    });
    const spaces = new Table(db, 'spaces', {
        id: 'text', shortId: 'text', name: 'text', teamId: 'text', region: 'text', cidr: 'text',
        dataCidr: 'text', shield: 'bool', state: 'text', index: 'int', outboundIps: 'json',
        inboundRules: 'json', inboundRulesetId: 'text', inboundRulesUpdatedAt: 'text',
        inboundRulesUpdatedBy: 'text', lastError: 'text', createdAt: 'text', updatedAt: 'text',
    });
    const spaceZones = new Table(db, 'space_zones', { spaceId: 'text', name: 'text', healthy: 'bool', updatedAt: 'text' });
    const spaceMembers = new Table(db, 'space_members', {
        spaceId: 'text', userId: 'text', permissions: 'json', createdAt: 'text', updatedAt: 'text',
    });
    const apps = new Table(db, 'apps', {
        id: 'text', name: 'text', ownerId: 'text', teamId: 'text', spaceId: 'text', region: 'text',
        internalRouting: 'bool', maintenance: 'bool', stack: 'text', buildpackDescription: 'text',
        config: 'json', createdAt: 'text', updatedAt: 'text', releasedAt: 'text',
    });
    const releases = new Table(db, 'releases', {
        id: 'text', appId: 'text', version: 'int', description: 'text', status: 'text', userId: 'text',
        slugId: 'text', config: 'json', createdAt: 'text', updatedAt: 'text',
    });
    const slugs = new Table(db, 'slugs', {
        id: 'text', appId: 'text', processTypes: 'json', commit: 'text', commitDescription: 'text',
        checksum: 'text', size: 'int', stack: 'text', buildpackDescription: 'text', uploaded: 'bool',
        createdAt: 'text', updatedAt: 'text',
    });
    const formations = new Table(db, 'formations', {
        id: 'text', appId: 'text', type: 'text', quantity: 'int', size: 'text', command: 'text',
        restartEpoch: 'int', dynoEpochs: 'json', createdAt: 'text', updatedAt: 'text',
    });
    const dynos = new Table(db, 'dynos', {
        id: 'text', appId: 'text', spaceId: 'text', type: 'text', number: 'int', name: 'text',
        releaseId: 'text', size: 'text', command: 'text', state: 'text', zone: 'text',
        privateIp: 'text', port: 'int', createdAt: 'text', updatedAt: 'text',
    });
    const logDrains = new Table(db, 'log_drains', {
        id: 'text', appId: 'text', spaceId: 'text', url: 'text', token: 'text', createdAt: 'text', updatedAt: 'text',
    });
    const oneOffDynos = new Table(db, 'one_off_dynos', {
        id: 'text', appId: 'text', number: 'int', name: 'text', command: 'text', size: 'text', env: 'json',
        attach: 'bool', tty: 'bool', columns: 'int', lines: 'int', releaseId: 'text', secretHash: 'text',
        state: 'text', expiresAt: 'text', createdAt: 'text', updatedAt: 'text',
    });
    const builds = new Table(db, 'builds', {
        id: 'text', appId: 'text', userId: 'text', status: 'text', sourceUrl: 'text', sourceVersion: 'text',
        sourceChecksum: 'text', buildpacks: 'json', slugId: 'text', releaseId: 'text', failure: 'text',
        createdAt: 'text', updatedAt: 'text',
    });
    const buildpackInstallations = new Table(db, 'buildpack_installations', {
        appId: 'text', ordinal: 'int', url: 'text',
    });
    const dynoDrains = new Table(db, 'dyno_drains', { dynoId: 'text', appId: 'text', startedAt: 'text', drainedAt: 'text' });
    const domains = new Table(db, 'domains', { id: 'text', appId: 'text', hostname: 'text', createdAt: 'text', updatedAt: 'text' });
    const sniEndpoints = new Table(db, 'sni_endpoints', {
        id: 'text', appId: 'text', name: 'text', certificateChain: 'text', privateKey: 'text', createdAt: 'text', updatedAt: 'text',
    });
    const appInboundRulesets = new Table(db, 'app_inbound_rulesets', {
        appId: 'text', id: 'text', rules: 'json', createdAt: 'text', createdBy: 'text',
    });
    const appCallerLists = new Table(db, 'app_caller_lists', { appId: 'text', id: 'text', createdAt: 'text', createdBy: 'text' });
    const appAllowedCallers = new Table(db, 'app_allowed_callers', { appId: 'text', callerAppId: 'text' });
    return { users, authorizations, teams, teamMembers, spaces, spaceZones, spaceMembers, apps, releases, slugs, formations, dynos, logDrains, oneOffDynos, builds, buildpackInstallations, dynoDrains, domains, sniEndpoints, appInboundRulesets, appCallerLists, appAllowedCallers };
}
//# sourceMappingURL=sqlite-tables.js.map