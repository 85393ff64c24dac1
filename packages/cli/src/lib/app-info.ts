/** App layouts: the `apps` list line and the `apps:info` block. */
import type { App, Dyno } from '@cove/schema';
import { formatBytes } from './format-bytes.js';
import { styledHeader, styledObject } from './styled.js';

/** `name (region) [internal]`, with the owner for collaborated apps. */
export function appListLine(app: App, withOwner = false): string {
  let line = app.name;
  if (app.region?.name !== undefined && app.region.name !== 'us') line += ` (${app.region.name})`;
  if (app.locked) line += ' [locked]';
  if (app.internal_routing === true) line += ' [internal]';
  if (withOwner) line += `  ${app.owner.email}`;
  return line;
}

/** `{web: 2, worker: 1}` from a dyno list. */
export function countByType(dynos: readonly Pick<Dyno, 'type'>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of dynos) counts[d.type] = (counts[d.type] ?? 0) + 1;
  return counts;
}

/** heroku's `apps:info`: `=== name` and the sorted `Key: value` list. */
export function appInfoText(app: App, dynos: readonly Dyno[]): string {
  const entries: Record<string, string | boolean | Record<string, number> | undefined> = {
    'Auto Cert Mgmt': app.acm,
    Dynos: Object.keys(countByType(dynos)).length === 0 ? undefined : countByType(dynos),
    'Git URL': app.git_url,
    'Internal Routing': app.space !== null && app.internal_routing === true ? true : undefined,
    Owner: app.owner.email,
    Region: app.region.name,
    'Repo Size': formatBytes(app.repo_size),
    'Slug Size': formatBytes(app.slug_size),
    Space: app.space?.name,
    Stack: app.stack.name === app.build_stack.name ? app.stack.name : `${app.stack.name} (next build will use ${app.build_stack.name})`,
    'Web URL': app.web_url,
  };
  if (app.create_status !== 'complete') entries['Create Status'] = app.create_status;
  const sorted = Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)));
  return `${styledHeader(app.name)}\n${styledObject(sorted)}`;
}
