/**
 * heroku-cli-util's `styledHeader` and `styledObject` layouts, without colour:
 * `=== title` and aligned `Key: value` lines.
 */

/** The heroku hexagon that marks an app name. */
export function appLabel(name: string): string {
  return `⬢ ${name}`;
}

export function styledHeader(title: string): string {
  return `=== ${title}\n`;
}

export type StyledValue = string | number | boolean | null | undefined | readonly (string | number)[] | Readonly<Record<string, string | number>>;

/**
 * `Key:` padded so that values line up two columns past the longest key. Array values put one
 * item per line; null and undefined values (and empty arrays) leave the line out. Keys keep
 * the given order.
 */
export function styledObject(entries: Readonly<Record<string, StyledValue>>): string {
  const keys = Object.keys(entries);
  const width = Math.max(0, ...keys.map((k) => k.length)) + 2;
  const lines: string[] = [];
  for (const key of keys) {
    const value = entries[key];
    if (value === null || value === undefined) continue;
    const lead = `${key}:${' '.repeat(width - key.length - 1)}`;
    if (Array.isArray(value)) {
      const items = value as readonly (string | number)[];
      items.forEach((item, i) => lines.push(`${i === 0 ? lead : ' '.repeat(width)}${item}`));
    } else if (typeof value === 'object') {
      lines.push(`${lead}${Object.entries(value).map(([k, v]) => `${k}: ${v}`).join(', ')}`);
    } else {
      lines.push(`${lead}${String(value)}`);
    }
  }
  return lines.join('\n');
}
