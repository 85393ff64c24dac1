export function matchesLogFilter(line, filter) {
    if (filter.source !== undefined && line.source !== filter.source)
        return false;
    if (filter.dyno !== undefined && line.dyno !== filter.dyno && !line.dyno.startsWith(`${filter.dyno}.`))
        return false;
    return true;
}
//# sourceMappingURL=log-filter.js.map