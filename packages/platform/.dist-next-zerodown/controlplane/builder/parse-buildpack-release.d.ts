/**
 * The output of a buildpack's `bin/release`: YAML with `default_process_types` (and
 * `addons`, `config_vars`, which Cove ignores). Only the small subset buildpacks print is
 * read: a top-level `default_process_types:` mapping of `type: command` lines, or the same as
 * JSON. Anything else yields no default process types.
 */
export declare function parseBuildpackRelease(text: string): Record<string, string>;
