/**
 * Buildpack list edits for `buildpacks:set/add/remove` (the API takes the whole list), and the
 * lines `buildpacks` prints, as the heroku CLI words them. Indexes are 1-based, as users type.
 */
import type { BuildpackInstallation } from '@cove/schema';
import { CliError } from './cli-error.js';

export function buildpackUrls(list: readonly BuildpackInstallation[]): string[] {
  return [...list].sort((a, b) => a.ordinal - b.ordinal).map((b) => b.buildpack.url);
}

function parseIndex(index: string | undefined, max: number, length: number): number | undefined {
  if (index === undefined) return undefined;
  const n = Number(index);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`Invalid index ${index}: it must be a number from 1.`);
  if (n > max) throw new CliError(`Invalid index ${n}: the list has ${length} buildpack${length === 1 ? '' : 's'}.`);
  return n;
}

/** `buildpacks:set URL [-i N]`: replaces the Nth (or the only) buildpack. */
export function setBuildpack(current: readonly string[], url: string, index?: string): string[] {
  const n = parseIndex(index, current.length + 1, current.length);
  if (n === undefined) {
    if (current.length > 1) throw new CliError('The app has more than one buildpack: choose one to replace with --index.');
    return [url];
  }
  if (current.some((u, i) => u === url && i !== n - 1)) throw new CliError(`The buildpack ${url} is already set on your app.`);
  const next = [...current];
  next[n - 1] = url;
  return next;
}

/** `buildpacks:add URL [-i N]`: appends, or inserts at position N. */
export function addBuildpack(current: readonly string[], url: string, index?: string): string[] {
  if (current.includes(url)) throw new CliError(`The buildpack ${url} is already set on your app.`);
  const n = parseIndex(index, current.length + 1, current.length);
  const next = [...current];
  next.splice(n === undefined ? next.length : n - 1, 0, url);
  return next;
}

/** `buildpacks:remove URL | -i N`. */
export function removeBuildpack(current: readonly string[], url: string | undefined, index?: string): string[] {
  if ((url === undefined) === (index === undefined)) throw new CliError('Please choose either index or Buildpack, but not both.');
  if (url !== undefined) {
    if (!current.includes(url)) throw new CliError(`Buildpack not found. Nothing was removed.`);
    return current.filter((u) => u !== url);
  }
  if (current.length === 0) throw new CliError('No buildpacks were found. Next release will detect buildpacks normally.');
  const n = parseIndex(index, current.length, current.length);
  return current.filter((_, i) => i !== (n ?? 0) - 1);
}

/** The list as `buildpacks` and the edit commands show it. */
export function buildpackLines(urls: readonly string[]): string[] {
  return urls.length === 1 ? [urls[0] ?? ''] : urls.map((u, i) => `${i + 1}. ${u}`);
}
