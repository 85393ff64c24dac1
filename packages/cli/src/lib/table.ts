/**
 * Plain-text tables in the heroku CLI's style: a header row, a rule of `─`, then left-aligned
 * columns separated by two spaces. Trailing spaces are trimmed.
 */
export interface Column<Row> {
  header: string;
  get(row: Row): string | number | boolean | null | undefined;
}

export function table<Row>(rows: readonly Row[], columns: readonly Column<Row>[], options: { header?: boolean } = {}): string {
  const showHeader = options.header ?? true;
  const cells = rows.map((row) => columns.map((c) => cellText(c.get(row))));
  const widths = columns.map((c, i) => Math.max(showHeader ? c.header.length : 0, ...cells.map((r) => width(r[i] ?? ''))));
  const render = (values: readonly string[]): string =>
    values
      .map((v, i) => v + ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(v))))
      .join('  ')
      .trimEnd();
  const lines: string[] = [];
  if (showHeader) {
    lines.push(render(columns.map((c) => c.header)));
    lines.push(render(widths.map((w) => '─'.repeat(w))));
  }
  for (const row of cells) lines.push(render(row));
  return lines.join('\n');
}

function cellText(value: string | number | boolean | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Display width; the strings we print are single-width except for no wide characters. */
function width(text: string): number {
  return [...text].length;
}
