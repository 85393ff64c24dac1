/** Release list helpers: the Range headers the heroku CLI sends and rollback selection. */
import type { Release } from '@cove/schema';
import { seg, type ApiClient } from './api-client.js';
import { CliError } from './cli-error.js';

/** `Range` for the newest `max` releases, newest first. */
export function releasesRange(max: number): string {
  return `version ..; max=${max}, order=desc`;
}

/** The `Range` `config:set` uses to read the release it just made. */
export const LATEST_RELEASE_RANGE = 'version ..; order=desc,max=1';

/** The release a bare `releases:rollback` goes back to: the second eligible one, newest first. */
export function rollbackCandidate(releases: readonly Release[]): Release {
  const eligible = [...releases].sort((a, b) => b.version - a.version).filter((r) => r.eligible_for_rollback !== false);
  const target = eligible[1];
  if (target === undefined) throw new CliError('No eligible release found');
  return target;
}

/** `v12` or `12` → 12. */
export function parseVersion(text: string): number {
  const match = /^v?(\d+)$/.exec(text);
  if (match === null) throw new CliError(`Invalid release ${text}: use vN or N`);
  return Number(match[1]);
}

/** The suffix heroku prints after a description for non-succeeded releases. */
export function statusSuffix(release: Pick<Release, 'status'>): string {
  switch (release.status) {
    case 'pending':
      return ' release command executing';
    case 'failed':
      return ' release command failed';
    case 'succeeded':
      return '';
    default:
      return ` ${String(release.status)}`;
  }
}

/** The newest release's version, read the way `config:set` reads it. */
export async function latestReleaseVersion(api: ApiClient, app: string): Promise<number | undefined> {
  const releases = await api.get<Release[]>(`/apps/${seg(app)}/releases`, { Range: LATEST_RELEASE_RANGE });
  return releases[0]?.version;
}
