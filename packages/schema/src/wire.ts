/**
 * Heroku Platform API v3 shapes as Cove serves them (snake_case on the wire).
 * Field lists follow the shared heroku-api-contract (section 13).
 */
export interface Ref {
  id: string;
  name: string;
}

export interface Account {
  id: string;
  email: string;
  name: string | null;
  verified: boolean;
  federated: boolean;
  two_factor_authentication: boolean;
  beta: boolean;
  allow_tracking: boolean;
  default_organization: null;
  default_team: null;
  last_login: string | null;
  suspended_at: null;
  delinquent_at: null;
  created_at: string;
  updated_at: string;
}

export interface Authorization {
  id: string;
  description: string;
  scope: string[];
  access_token: { id: string; token?: string; expires_in: number | null } | null;
  user: { id: string; email: string; full_name: string | null };
  created_at: string;
  updated_at: string;
}

export interface Region {
  id: string;
  name: string;
  description: string;
  country: string;
  locale: string;
  private_capable: boolean;
  provider: { name: string; region: string };
  created_at: string;
  updated_at: string;
}

export type TeamRole = 'admin' | 'member' | 'viewer';

export interface Team {
  id: string;
  name: string;
  role: TeamRole | null;
  type: 'team' | 'enterprise';
  default: boolean;
  membership_limit: number | null;
  credit_card_collections: boolean;
  provisioned_licenses: boolean;
  created_at: string;
  updated_at: string;
}

export interface TeamMember {
  id: string;
  email: string;
  role: TeamRole;
  federated: boolean;
  two_factor_authentication: boolean;
  user: { id: string; email: string; name: string | null };
  created_at: string;
  updated_at: string;
}

export type SpaceState = 'allocating' | 'allocated' | 'deleting';

export interface Space {
  id: string;
  name: string;
  team: Ref;
  organization: { name: string };
  region: Ref & { description?: string };
  shield: boolean;
  state: SpaceState;
  cidr: string;
  data_cidr: string;
  generation: 'cedar';
  created_at: string;
  updated_at: string;
}

export interface SpaceNat {
  state: 'disabled' | 'updating' | 'enabled';
  sources: string[];
  created_at: string;
  updated_at: string;
}

export interface InboundRule {
  action: 'allow' | 'deny';
  source: string;
}

export interface InboundRuleset {
  id: string;
  space: Ref;
  rules: InboundRule[];
  created_at: string;
  created_by: string;
  /** Present once the router enforces rulesets. */
  applied?: boolean;
}

export interface SpaceAppAccess {
  space: Ref;
  user: { id: string; email: string };
  role: TeamRole;
  pending: boolean;
  permissions: { name: string; description: string }[];
  created_at: string;
  updated_at: string;
}

export interface App {
  id: string;
  name: string;
  acm: boolean;
  archived_at: null;
  buildpack_provided_description: string | null;
  build_stack: Ref;
  stack: Ref;
  create_status: 'complete';
  created_at: string;
  updated_at: string;
  released_at: string | null;
  git_url: string;
  web_url: string;
  internal_routing: boolean | null;
  maintenance: boolean;
  owner: { id: string; email: string };
  organization: Ref | null;
  team: Ref | null;
  region: Ref;
  repo_size: number | null;
  slug_size: number | null;
  space: (Ref & { shield: boolean }) | null;
  generation: 'cedar';
  process_tier: string;
  joined: boolean;
  locked: boolean;
}

export interface Formation {
  id: string;
  type: string;
  quantity: number;
  size: string;
  command: string;
  app: Ref;
  created_at: string;
  updated_at: string;
}

export type DynoState = 'starting' | 'up' | 'crashed' | 'down' | 'idle';

export interface Dyno {
  id: string;
  name: string;
  type: string;
  command: string;
  size: string;
  state: DynoState;
  attach_url: string | null;
  app: Ref;
  release: { id: string; version: number };
  created_at: string;
  updated_at: string;
  extended?: {
    region: string;
    execution_plane: string;
    fleet: string;
    instance: string;
    ip: string | null;
    port: number | null;
    az: string | null;
    route: string | null;
  };
}

export interface Release {
  id: string;
  version: number;
  description: string;
  status: 'failed' | 'pending' | 'succeeded';
  current: boolean;
  eligible_for_rollback: boolean;
  user: { id: string; email: string };
  app: Ref;
  addon_plan_names: string[];
  slug: { id: string } | null;
  output_stream_url: string | null;
  created_at: string;
  updated_at: string;
  extended: { slug_id: string | null; slug_uuid: string | null };
}

export interface Slug {
  id: string;
  app: Ref;
  blob: { method: 'PUT' | 'GET'; url: string };
  buildpack_provided_description: string | null;
  checksum: string | null;
  commit: string | null;
  commit_description: string | null;
  process_types: Record<string, string>;
  size: number | null;
  stack: Ref;
  created_at: string;
  updated_at: string;
}

export interface SpaceTopology {
  version: number;
  apps: {
    id: string;
    domains: string[];
    formations: {
      process_type: string;
      dynos: { id: string; number: number; private_ip: string | null; hostname: string }[];
    }[];
  }[];
}

export interface SpaceDynos {
  app_id: string;
  app_name: string;
  dynos: Dyno[];
}

/** Cove's `GET /apps/:app/router-stats`: the router's requests for the app, per time step. */
export interface RouterStats {
  /** Length of each step, in seconds. */
  step_seconds: number;
  /** Oldest first; steps without requests have zero counts and null latencies. */
  points: {
    /** Start of the step (ISO 8601). */
    time: string;
    requests: number;
    by_class: { '2xx': number; '3xx': number; '4xx': number; '5xx': number; other: number };
    p50_ms: number | null;
    p95_ms: number | null;
  }[];
}

/** Cove's `GET /spaces/:space/network`: the addresses inside a space (from its CIDR). */
export interface SpaceNetwork {
  cidr: string;
  /** The space's internal DNS resolver. */
  dns_address: string;
  /** The space's internal router (internal apps' address). */
  router_address: string;
  zones: { name: string; subnet: string; gateway: string }[];
}

export interface Zone {
  name: string;
  healthy: boolean;
  subnet: string;
  dynos: { app: string; name: string; private_ip: string | null; state: DynoState }[];
}

export interface LogSession {
  id: string;
  /** Server-Sent Events; the URL carries its own short-lived credential (no Authorization). */
  logplex_url: string;
  created_at: string;
  updated_at: string;
}

export type BuildStatus = 'pending' | 'succeeded' | 'failed';

export interface Build {
  id: string;
  app: { id: string; name?: string };
  buildpacks: { url: string; name: string }[];
  source_blob: { url: string; version: string | null; checksum: string | null; version_description: string | null };
  output_stream_url: string;
  release: { id: string } | null;
  slug: { id: string } | null;
  stack: string;
  status: BuildStatus;
  user: { id: string; email: string };
  created_at: string;
  updated_at: string;
}

/** An app's log drain (`/apps/:app/log-drains`) or a space's (`/spaces/:space/log-drain`). */
export interface LogDrain {
  id: string;
  /** `syslog://host:port`, `syslog+tls://host:port` or `https://…`. */
  url: string;
  /** `d.<uuid>`: names the drain in delivered lines (syslog hostname, `Logplex-Drain-Token`). */
  token: string;
  addon: { id: string; name: string } | null;
  app?: Ref | null;
  space?: Ref | null;
  created_at: string;
  updated_at: string;
}

export interface BuildpackInstallation {
  ordinal: number;
  buildpack: { url: string; name: string };
}

/** `POST /sources`: a place to upload a source tarball for a build. */
export interface Source {
  source_blob: { get_url: string; put_url: string };
}
