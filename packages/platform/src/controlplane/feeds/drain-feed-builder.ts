/**
 * Builds the drain forwarder's feed from store records. Pure: records in, plain JSON out.
 * An app drain carries its app, with the drain token as syslog HOSTNAME; a space drain
 * carries every app of the space, each named by the app's name.
 */
import type { DrainFeed, DrainTarget } from '../../dataplane/drains/drain-feed.js';
import type { AppRecord, LogDrainRecord } from '../store/records.js';

export function buildDrainFeed(drains: readonly LogDrainRecord[], apps: readonly AppRecord[]): DrainFeed {
  const feed: DrainTarget[] = [];
  for (const drain of drains) {
    const carried: Record<string, string> = {};
    if (drain.appId !== null) carried[drain.appId] = drain.token;
    if (drain.spaceId !== null) for (const app of apps) if (app.spaceId === drain.spaceId) carried[app.id] = app.name;
    feed.push({ id: drain.id, url: drain.url, token: drain.token, apps: carried });
  }
  return feed;
}
