/**
 * Request bodies of the deploy and run resources (formation, releases, slugs, builds,
 * buildpack installations, one-off dynos, log drains, log sessions): one TypeScript type and
 * one JSON schema each, side by side, so the server (fastify's `schema: { body }`), the CLI and
 * a dashboard share one source of truth.
 *
 * Same conventions as the other request bodies: the schemas check the type of each field a
 * client may send, no more. Rules about values (quantities, sizes, URLs, process types) stay
 * in the server's domain layer, which words its errors as Heroku does; a field's
 * `description` is also the `invalid_params` message the API answers when the field has the
 * wrong type. No schema requires a field or forbids extra ones, and a field whose today's
 * message names the value it got (a quantity, a size) has no `type` here, so the domain keeps
 * that message.
 */

// ---- formation ----

/** One entry of `PATCH /apps/:app/formation`. */
export interface FormationUpdateEntry {
  type: string;
  /** A whole number, or `"3"`, `"+1"`, `"-1"`. */
  quantity?: number | string;
  size?: string;
}

/** `PATCH /apps/:app/formation`. */
export interface FormationBatchUpdateBody {
  updates: FormationUpdateEntry[];
}

export const formationBatchUpdateBodySchema = {
  title: 'FormationBatchUpdateBody',
  description: 'New quantities and sizes of several process types.',
  properties: {
    updates: {
      type: 'array',
      description: 'updates must be an array of {type, quantity, size}.',
      items: {
        type: 'object',
        description: 'Each update must be an object {type, quantity, size}.',
        properties: {
          type: { type: 'string', description: 'Each update needs a process type.' },
          quantity: { description: 'A whole number, or "+N"/"-N".' },
          size: { description: 'A dyno size, e.g. "Standard-1X".' },
        },
      },
    },
  },
} as const;

/** `PATCH /apps/:app/formation/:type`. */
export interface FormationUpdateBody {
  quantity?: number | string;
  size?: string;
}

export const formationUpdateBodySchema = {
  title: 'FormationUpdateBody',
  description: 'A new quantity and/or size of one process type.',
  properties: {
    quantity: { description: 'A whole number, or "+N"/"-N".' },
    size: { description: 'A dyno size, e.g. "Standard-1X".' },
  },
} as const;

// ---- releases and slugs ----

/** `POST /apps/:app/releases`: deploy a slug, or roll back to a release. */
export interface ReleaseCreateBody {
  slug?: string;
  /** The id or version of the release to roll back to. */
  release?: string | number;
  description?: string;
}

export const releaseCreateBodySchema = {
  title: 'ReleaseCreateBody',
  description: 'Either slug (to deploy) or release (to roll back).',
  properties: {
    slug: { description: 'The id of an uploaded slug to deploy.' },
    release: { type: ['string', 'number'], description: 'release must be the id or version of the release to roll back to.' },
    description: { description: 'The release description (default: "Deploy <commit>").' },
  },
} as const;

/** `POST /apps/:app/slugs`. */
export interface SlugCreateBody {
  process_types: Record<string, string>;
  commit?: string | null;
  commit_description?: string | null;
  /** `SHA256:<64 hex digits>`. */
  checksum?: string | null;
  stack?: string | null;
  buildpack_provided_description?: string | null;
}

export const slugCreateBodySchema = {
  title: 'SlugCreateBody',
  description: 'A slug to upload: its process types and what it was built from.',
  properties: {
    process_types: { type: 'object', description: 'process_types must be an object such as {"web": "node server.js"}.' },
    commit: { type: ['string', 'null'], description: 'commit must be a string.' },
    commit_description: { type: ['string', 'null'], description: 'commit_description must be a string.' },
    checksum: { type: ['string', 'null'], description: 'checksum must be a string.' },
    stack: { type: ['string', 'null'], description: 'stack must be a string.' },
    buildpack_provided_description: { type: ['string', 'null'], description: 'buildpack_provided_description must be a string.' },
  },
} as const;

// ---- builds ----

/** `POST /apps/:app/builds`. */
export interface BuildCreateBody {
  source_blob: { url: string; version?: string | null; checksum?: string | null };
  buildpacks?: ({ url: string } | { name: string } | string)[] | null;
}

export const buildCreateBodySchema = {
  title: 'BuildCreateBody',
  description: 'A build of a source tarball, optionally with chosen buildpacks.',
  properties: {
    source_blob: {
      type: 'object',
      description: 'source_blob.url must be the URL of a tarball of the app.',
      properties: {
        url: { type: 'string', description: 'source_blob.url must be the URL of a tarball of the app.' },
        version: { type: ['string', 'null'], description: 'source_blob.version must be a string.' },
        checksum: { type: ['string', 'null'], description: 'source_blob.checksum must look like "SHA256:<64 hex digits>".' },
      },
    },
    buildpacks: { type: ['array', 'null'], description: 'buildpacks must be a list of {"url": "..."}.' },
  },
} as const;

/** `PUT /apps/:app/buildpack-installations`: the whole list (empty: detect). */
export interface BuildpackInstallationsUpdateBody {
  updates: { buildpack: string }[];
}

export const buildpackInstallationsUpdateBodySchema = {
  title: 'BuildpackInstallationsUpdateBody',
  description: "The app's whole buildpack list, in order.",
  properties: {
    updates: {
      type: 'array',
      description: 'updates must be a list such as [{"buildpack": "heroku/nodejs"}].',
      items: {
        type: 'object',
        description: 'Each update must be {"buildpack": "<url or name>"}.',
        properties: {
          buildpack: { type: 'string', description: 'Each update must be {"buildpack": "<url or name>"}.' },
        },
      },
    },
  },
} as const;

// ---- one-off dynos ----

/** `POST /apps/:app/dynos` (`heroku run`, `run:detached`). */
export interface DynoCreateBody {
  command: string;
  attach?: boolean;
  env?: Record<string, string | number | boolean> | null;
  /** `run` (default) or `run:detached`. */
  type?: string | null;
  size?: string | null;
  time_to_live?: number | string | null;
  force_no_tty?: boolean;
}

export const dynoCreateBodySchema = {
  title: 'DynoCreateBody',
  description: 'A one-off dyno to run.',
  properties: {
    command: { type: 'string', description: 'command must be a non-empty string.' },
    env: { type: ['object', 'null'], description: 'env must be an object of names and values.' },
    type: { type: ['string', 'null'], description: 'type must be a string.' },
    attach: { description: 'true to attach (heroku run).' },
    size: { description: 'A dyno size, e.g. "Standard-1X".' },
    time_to_live: { description: 'Seconds until the dyno is stopped (at most 86400).' },
    force_no_tty: { description: 'true for no terminal.' },
  },
} as const;

// ---- logs ----

/** `POST /apps/:app/log-drains` and `PUT /spaces/:space/log-drain`. */
export interface LogDrainBody {
  url: string;
}

export const logDrainBodySchema = {
  title: 'LogDrainBody',
  description: 'Where to deliver log lines.',
  properties: {
    url: { type: 'string', description: 'Url must be a syslog://, syslog+tls:// or https:// URL.' },
  },
} as const;

/** `POST /apps/:app/log-sessions`. */
export interface LogSessionCreateBody {
  lines?: number | string | null;
  tail?: boolean | string;
  dyno?: string | null;
  type?: string | null;
  source?: string | null;
}

export const logSessionCreateBodySchema = {
  title: 'LogSessionCreateBody',
  description: 'Which log lines to stream.',
  properties: {
    lines: { description: 'How many recent lines to send first.' },
    tail: { description: 'true to keep streaming new lines.' },
    dyno: { type: ['string', 'null'], description: 'dyno must be a string.' },
    type: { type: ['string', 'null'], description: 'type must be a string.' },
    source: { type: ['string', 'null'], description: 'source must be a string.' },
  },
} as const;
