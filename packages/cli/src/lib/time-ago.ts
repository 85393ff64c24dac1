/**
 * The heroku CLI's timestamp style: `2026/11/22 10:00:00 (~ 1m ago)`, local time; the
 * relative part is left off beyond a day.
 */
export function timeAgo(since: Date, now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${since.getFullYear()}/${pad(since.getMonth() + 1)}/${pad(since.getDate())} ${pad(since.getHours())}:${pad(since.getMinutes())}:${pad(since.getSeconds())}`;
  const elapsed = Math.floor((now.getTime() - since.getTime()) / 1000);
  if (Number.isNaN(elapsed)) return '';
  if (elapsed <= 0) return `${stamp} (~ 0s ago)`;
  if (elapsed < 60) return `${stamp} (~ ${elapsed}s ago)`;
  if (elapsed < 60 * 60) return `${stamp} (~ ${Math.floor(elapsed / 60)}m ago)`;
  if (elapsed < 60 * 60 * 25) return `${stamp} (~ ${Math.floor(elapsed / 3600)}h ago)`;
  return stamp;
}
