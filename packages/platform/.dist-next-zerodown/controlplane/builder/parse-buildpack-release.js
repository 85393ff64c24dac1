/**
 * The output of a buildpack's `bin/release`: YAML with `default_process_types` (and
 * `addons`, `config_vars`, which Cove ignores). Only the small subset buildpacks print is
 * read: a top-level `default_process_types:` mapping of `type: command` lines, or the same as
 * JSON. Anything else yields no default process types.
 */
export function parseBuildpackRelease(text) {
    const trimmed = text.trim();
    if (trimmed.startsWith('{')) {
        try {
            const json = JSON.parse(trimmed);
            return stringMap(json.default_process_types);
        }
        catch {
            return {};
        }
    }
    const types = {};
    let inside = false;
    for (const line of text.split(/\r?\n/)) {
        if (line.trim() === '' || line.trim().startsWith('#') || line.trim() === '---')
            continue;
        if (!/^\s/.test(line)) {
            inside = /^default_process_types\s*:\s*$/.test(line);
            continue;
        }
        if (!inside)
            continue;
        const match = /^\s+([A-Za-z0-9_-]+)\s*:\s*(.+)$/.exec(line);
        if (match?.[1] !== undefined && match[2] !== undefined)
            types[match[1]] = unquote(match[2].trim());
    }
    return types;
}
function unquote(value) {
    if (value.length >= 2 && ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'")))) {
        return value.slice(1, -1);
    }
    return value;
}
function stringMap(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return {};
    return Object.fromEntries(Object.entries(value).filter((e) => typeof e[1] === 'string'));
}
//# sourceMappingURL=parse-buildpack-release.js.map