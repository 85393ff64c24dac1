/** Sizes as the heroku CLI shows them (filesize, JEDEC units, rounded): `0 B`, `12 KB`, `5 MB`. */
export function formatBytes(bytes: number | null | undefined): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes ?? 0;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Math.round(value)} ${units[unit] ?? 'B'}`;
}
