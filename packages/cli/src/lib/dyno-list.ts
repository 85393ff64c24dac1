/** `ps` output: dynos grouped by command under `=== type (size): command (n)` headers. */
import type { Dyno } from '@cove/schema';
import { styledHeader } from './styled.js';
import { timeAgo } from './time-ago.js';

function processNumber(name: string): number {
  const match = /^[^.]+\.(\d+)$/.exec(name);
  return match === null ? 0 : Number(match[1]);
}

export function dynoListLines(dynos: readonly Dyno[], options: { shield?: boolean; now?: Date; prefix?: string } = {}): string[] {
  const now = options.now ?? new Date();
  const prefix = options.prefix ?? '';
  const size = (d: Dyno): string => {
    const s = d.size || '1X';
    return options.shield === true ? s.replace(/^Private-/, 'Shield-') : s;
  };
  const byNumber = (a: Dyno, b: Dyno): number => processNumber(a.name) - processNumber(b.name);
  const lines: string[] = [];
  const oneOffs = dynos.filter((d) => d.type === 'run').sort(byNumber);
  if (oneOffs.length > 0) {
    lines.push(styledHeader(`${prefix}run: one-off processes (${oneOffs.length})`));
    for (const d of oneOffs) lines.push(`${d.name} (${size(d)}): ${d.state} ${timeAgo(new Date(d.updated_at), now)}: ${d.command}`);
    lines.push('');
  }
  const sorted = [...dynos].filter((d) => d.type !== 'run').sort((a, b) => a.type.localeCompare(b.type) || byNumber(a, b));
  const groups = new Map<string, Dyno[]>();
  for (const d of sorted) {
    const key = `${d.type}\u0000${d.command}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  for (const group of groups.values()) {
    const [first] = group;
    if (first === undefined) continue;
    lines.push(styledHeader(`${prefix}${first.type} (${size(first)}): ${first.command} (${group.length})`));
    for (const d of group) lines.push(`${d.name}: ${d.state} ${timeAgo(new Date(d.updated_at), now)}`);
    lines.push('');
  }
  return lines;
}
