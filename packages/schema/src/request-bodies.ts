/**
 * Request bodies of the resources Cove accepts writes for: one TypeScript type and one JSON
 * schema each, side by side, so the server (fastify's `schema: { body }`), the CLI and a
 * dashboard share one source of truth.
 *
 * The schemas check shapes only: the type of each field a client may send. Rules about values
 * (name formats, CIDR ranges, who may do what) stay in the server's domain layer, which words
 * its errors as Heroku does. A field's `description` is also the `invalid_params` message the
 * API answers when the field has the wrong type, so the two never drift apart. No schema
 * requires a field or forbids extra ones: the domain reports a missing field in Heroku's
 * words, and Heroku ignores fields it does not know.
 */

/** A JSON schema for an object body, in the subset the schemas here use. */
export interface BodySchema {
  readonly title: string;
  readonly description: string;
  readonly properties: Readonly<Record<string, FieldSchema>>;
}

/** A JSON schema for one field. */
export interface FieldSchema {
  readonly type?: string | readonly string[];
  readonly enum?: readonly string[];
  readonly minLength?: number;
  readonly items?: FieldSchema;
  /** Also the `invalid_params` message for a value of the wrong type. */
  readonly description: string;
}

// ---- accounts ----

/** `POST /users` (Cove): the server admin creates an account. */
export interface UserCreateBody {
  email: string;
  password?: string;
}

export const userCreateBodySchema = {
  title: 'UserCreateBody',
  description: 'An account to create: its email and, optionally, a password.',
  properties: {
    email: { type: 'string', description: 'Email must be a valid email address.' },
    password: { type: 'string', minLength: 8, description: 'Password must be a string of at least 8 characters.' },
  },
} as const satisfies BodySchema;

// ---- teams ----

/** `POST /teams`. */
export interface TeamCreateBody {
  name: string;
}

export const teamCreateBodySchema = {
  title: 'TeamCreateBody',
  description: 'A team to create.',
  properties: {
    name: { type: 'string', description: 'Team name must be a non-empty string.' },
  },
} as const satisfies BodySchema;

/** `PUT/PATCH /teams/:team/members`: adds a member or changes their role. */
export interface TeamMemberBody {
  /** The member's email (`user` is accepted too, as the heroku CLI sends it). */
  email?: string | null;
  user?: string | null;
  role: 'admin' | 'member' | 'viewer';
}

export const teamMemberBodySchema = {
  title: 'TeamMemberBody',
  description: "A team member's email and role.",
  properties: {
    email: { type: ['string', 'null'], description: 'Email must be a valid email address.' },
    user: { type: ['string', 'null'], description: 'Email must be a valid email address.' },
    role: { type: 'string', enum: ['admin', 'member', 'viewer'], description: 'Role must be one of: admin, member, viewer.' },
  },
} as const satisfies BodySchema;

// ---- spaces ----

/** `POST /spaces`. */
export interface SpaceCreateBody {
  name: string;
  /** Team name or id. */
  team: string;
  region?: string;
  generation?: 'cedar';
  /** RFC 1918 /16 (default 10.0.0.0/16). */
  cidr?: string;
  /** RFC 1918 /16–/20 not overlapping `cidr`. */
  data_cidr?: string;
  shield?: boolean;
  /** A space log drain (syslog://, syslog+tls:// or https://). */
  log_drain_url?: string | null;
}

export const spaceCreateBodySchema = {
  title: 'SpaceCreateBody',
  description: 'A space to create in a team.',
  properties: {
    name: { type: 'string', description: 'Space name must be a non-empty string.' },
    team: { type: 'string', description: 'Team must be a team name or id.' },
    cidr: { type: 'string', description: 'CIDR must be a CIDR string such as "10.0.0.0/16".' },
    data_cidr: { type: 'string', description: 'Data CIDR must be a CIDR string such as "10.0.0.0/16".' },
    shield: { type: 'boolean', description: 'Shield must be true or false.' },
    log_drain_url: { type: ['string', 'null'], description: 'Url must be a syslog://, syslog+tls:// or https:// URL.' },
  },
} as const satisfies BodySchema;

/** `PATCH /spaces/:space`: only the name changes; network settings are fixed at creation. */
export interface SpaceUpdateBody {
  name?: string;
}

export const spaceUpdateBodySchema = {
  title: 'SpaceUpdateBody',
  description: "A space's new name.",
  properties: {
    name: { type: 'string', description: 'Space name must be a non-empty string.' },
  },
} as const satisfies BodySchema;

/** `POST /spaces/:space/transfer`. */
export interface SpaceTransferBody {
  /** The team (name or id) to move the space to. */
  new_owner: string;
}

export const spaceTransferBodySchema = {
  title: 'SpaceTransferBody',
  description: 'The team to transfer a space to.',
  properties: {
    new_owner: { type: 'string', description: 'new_owner must be the name of the team to transfer the space to.' },
  },
} as const satisfies BodySchema;

/** `PUT /spaces/:space/inbound-ruleset` and `PUT /apps/:app/inbound-ruleset`. */
export interface InboundRulesetBody {
  rules: { action?: 'allow' | 'deny'; source: string }[];
}

export const inboundRulesetBodySchema = {
  title: 'InboundRulesetBody',
  description: 'Trusted IP ranges: at most 20 rules {action, source}.',
  properties: {
    rules: {
      type: 'array',
      items: { type: 'object', description: 'Each rule must be an object {action, source}.' },
      description: 'Rules must be an array of {action, source}.',
    },
  },
} as const satisfies BodySchema;

/** `PATCH /spaces/:space/members/:account`: what a team member may do in the space. */
export interface SpaceAccessBody {
  permissions: ({ name: string } | string)[];
}

export const spaceAccessBodySchema = {
  title: 'SpaceAccessBody',
  description: "A member's permissions in a space (create_apps).",
  properties: {
    permissions: { type: 'array', description: 'Permissions must be an array of {name}.' },
  },
} as const satisfies BodySchema;

// ---- apps ----

/** `POST /apps`, `POST /teams/apps`: every field optional (a name is generated). */
export interface AppCreateBody {
  name?: string | null;
  /** Space name or id. */
  space?: string | null;
  /** Team name or id (team endpoints only; `organization` is the old name). */
  team?: string | null;
  organization?: string | null;
  region?: string;
  stack?: string | null;
  /** Only in a space, and only at creation. */
  internal_routing?: boolean | null;
}

export const appCreateBodySchema = {
  title: 'AppCreateBody',
  description: 'An app to create: personal, in a team, or in a space.',
  properties: {
    name: { type: ['string', 'null'], description: 'Name must be a non-empty string.' },
    space: { type: ['string', 'null'], description: 'Space must be a space name or id.' },
    internal_routing: { type: ['boolean', 'null'], description: 'internal_routing must be true or false.' },
  },
} as const satisfies BodySchema;

/** `PATCH /apps/:app`. */
export interface AppUpdateBody {
  name?: string;
  maintenance?: boolean;
  build_stack?: string;
}

export const appUpdateBodySchema = {
  title: 'AppUpdateBody',
  description: "An app's new name, maintenance mode or build stack.",
  properties: {
    name: { type: 'string', description: 'Name must be a non-empty string.' },
    maintenance: { type: 'boolean', description: 'maintenance must be true or false.' },
  },
} as const satisfies BodySchema;

// ---- domains and SNI endpoints ----

/** `POST /apps/:app/domains`. */
export interface DomainCreateBody {
  hostname: string;
}

export const domainCreateBodySchema = {
  title: 'DomainCreateBody',
  description: 'A custom domain to route to an app.',
  properties: {
    hostname: { type: 'string', description: 'hostname is required.' },
  },
} as const satisfies BodySchema;

/** `POST /apps/:app/sni-endpoints`, `PATCH /apps/:app/sni-endpoints/:endpoint`. */
export interface SniEndpointBody {
  /** PEM, leaf first. */
  certificate_chain: string;
  /** PEM; stored, never returned. */
  private_key: string;
}

export const sniEndpointBodySchema = {
  title: 'SniEndpointBody',
  description: 'A certificate chain and its private key.',
  properties: {
    certificate_chain: { type: 'string', description: 'certificate_chain and private_key are required.' },
    private_key: { type: 'string', description: 'certificate_chain and private_key are required.' },
  },
} as const satisfies BodySchema;
