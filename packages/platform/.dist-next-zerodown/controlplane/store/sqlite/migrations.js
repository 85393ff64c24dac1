/**
 * Schema migrations, in order. The store applies those past `PRAGMA user_version` in one
 * transaction each at open. Never edit a released migration; append a new one.
 */
export const MIGRATIONS = [
    `
  CREATE TABLE users (
    id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE COLLATE NOCASE, name TEXT,
    password_hash TEXT, server_admin INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, last_login TEXT
  );
  CREATE TABLE authorizations (
    id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE, description TEXT NOT NULL, scope TEXT NOT NULL,
    expires_at TEXT, revoked_at TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
  );
  CREATE TABLE teams (
    id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
  );
  CREATE TABLE team_members (
    team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    PRIMARY KEY (team_id, user_id)
  );
  CREATE TABLE spaces (
    id TEXT PRIMARY KEY, short_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL UNIQUE,
    team_id TEXT NOT NULL REFERENCES teams(id), region TEXT NOT NULL,
    cidr TEXT NOT NULL, data_cidr TEXT NOT NULL, shield INTEGER NOT NULL, state TEXT NOT NULL,
    "index" INTEGER NOT NULL UNIQUE, outbound_ips TEXT NOT NULL,
    inbound_rules TEXT NOT NULL, inbound_ruleset_id TEXT NOT NULL,
    inbound_rules_updated_at TEXT NOT NULL, inbound_rules_updated_by TEXT NOT NULL,
    last_error TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
  );
  CREATE TABLE space_zones (
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE, name TEXT NOT NULL,
    healthy INTEGER NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (space_id, name)
  );
  CREATE TABLE space_members (
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    permissions TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    PRIMARY KEY (space_id, user_id)
  );
  CREATE TABLE apps (
    id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, owner_id TEXT NOT NULL REFERENCES users(id),
    team_id TEXT REFERENCES teams(id), space_id TEXT REFERENCES spaces(id), region TEXT NOT NULL,
    internal_routing INTEGER, maintenance INTEGER NOT NULL, stack TEXT NOT NULL,
    buildpack_description TEXT, config TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, released_at TEXT
  );
  CREATE TABLE releases (
    id TEXT PRIMARY KEY, app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
    version INTEGER NOT NULL, description TEXT NOT NULL, status TEXT NOT NULL,
    user_id TEXT NOT NULL, slug_id TEXT, config TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, UNIQUE (app_id, version)
  );
  CREATE TABLE slugs (
    id TEXT PRIMARY KEY, app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
    process_types TEXT NOT NULL, "commit" TEXT, commit_description TEXT, checksum TEXT,
    size INTEGER, stack TEXT NOT NULL, buildpack_description TEXT, uploaded INTEGER NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
  );
  CREATE TABLE formations (
    id TEXT PRIMARY KEY, app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
    type TEXT NOT NULL, quantity INTEGER NOT NULL, size TEXT NOT NULL, command TEXT NOT NULL,
    restart_epoch INTEGER NOT NULL, dyno_epochs TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, UNIQUE (app_id, type)
  );
  CREATE TABLE dynos (
    id TEXT PRIMARY KEY, app_id TEXT NOT NULL, space_id TEXT, type TEXT NOT NULL,
    number INTEGER NOT NULL, name TEXT NOT NULL, release_id TEXT NOT NULL, size TEXT NOT NULL,
    command TEXT NOT NULL, state TEXT NOT NULL, zone TEXT, private_ip TEXT, port INTEGER,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
  );
  CREATE INDEX dynos_app ON dynos (app_id);
  CREATE TABLE log_lines (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, app_id TEXT NOT NULL, time TEXT NOT NULL,
    source TEXT NOT NULL, dyno TEXT NOT NULL, message TEXT NOT NULL
  );
  CREATE INDEX log_lines_app ON log_lines (app_id, seq);
  `,
    `
  -- log drains
  CREATE TABLE log_drains (
    id TEXT PRIMARY KEY, app_id TEXT REFERENCES apps(id) ON DELETE CASCADE,
    space_id TEXT REFERENCES spaces(id) ON DELETE CASCADE, url TEXT NOT NULL,
    token TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
  );
  CREATE INDEX log_drains_app ON log_drains (app_id);
  CREATE UNIQUE INDEX log_drains_space ON log_drains (space_id);
  `,
    `
  -- builds: git push and POST /apps/:app/builds; buildpack installations per app
  CREATE TABLE builds (
    id TEXT PRIMARY KEY, app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL, status TEXT NOT NULL, source_url TEXT NOT NULL, source_version TEXT,
    source_checksum TEXT, buildpacks TEXT NOT NULL, slug_id TEXT, release_id TEXT,
    failure TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
  );
  CREATE INDEX builds_app ON builds (app_id, created_at);
  CREATE TABLE buildpack_installations (
    app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE, ordinal INTEGER NOT NULL,
    url TEXT NOT NULL, PRIMARY KEY (app_id, ordinal)
  );
  `,
    `-- router: dynos leaving routing before they stop (drained once no proxy process uses them)
  CREATE TABLE dyno_drains (
    dyno_id TEXT PRIMARY KEY, app_id TEXT NOT NULL, started_at TEXT NOT NULL, drained_at TEXT
  );
  `,
    `-- router: custom domains and SNI endpoints (certificates for the HTTPS listener)
  CREATE TABLE domains (
    id TEXT PRIMARY KEY, app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
    hostname TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
  );
  CREATE TABLE sni_endpoints (
    id TEXT PRIMARY KEY, app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
    name TEXT NOT NULL UNIQUE, certificate_chain TEXT NOT NULL, private_key TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
  );
  `,
    `-- router: an app's own inbound ruleset (beyond Heroku), applied after its space's
  CREATE TABLE app_inbound_rulesets (
    app_id TEXT PRIMARY KEY REFERENCES apps(id) ON DELETE CASCADE, id TEXT NOT NULL,
    rules TEXT NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL
  );
  `,
    `-- one-off dynos
  CREATE TABLE one_off_dynos (
    id TEXT PRIMARY KEY, app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
    number INTEGER NOT NULL, name TEXT NOT NULL, command TEXT NOT NULL, size TEXT NOT NULL,
    env TEXT NOT NULL, attach INTEGER NOT NULL, tty INTEGER NOT NULL, columns INTEGER, lines INTEGER,
    release_id TEXT NOT NULL, secret_hash TEXT, state TEXT NOT NULL, expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, UNIQUE (app_id, name)
  );
  CREATE UNIQUE INDEX one_off_dynos_secret ON one_off_dynos (secret_hash);
  `,
    `-- router: an internal app's list of apps of its space allowed to call it (beyond Heroku)
  CREATE TABLE app_caller_lists (
    app_id TEXT PRIMARY KEY REFERENCES apps(id) ON DELETE CASCADE, id TEXT NOT NULL,
    created_at TEXT NOT NULL, created_by TEXT NOT NULL
  );
  CREATE TABLE app_allowed_callers (
    app_id TEXT NOT NULL REFERENCES app_caller_lists(app_id) ON DELETE CASCADE,
    caller_app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE,
    PRIMARY KEY (app_id, caller_app_id)
  );
  CREATE INDEX app_allowed_callers_caller ON app_allowed_callers (caller_app_id);
  `,
];
//# sourceMappingURL=migrations.js.map