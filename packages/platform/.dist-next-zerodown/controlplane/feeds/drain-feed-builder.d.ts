/**
 * Builds the drain forwarder's feed from store records. Pure: records in, plain JSON out.
 * An app drain carries its app, with the drain token as syslog HOSTNAME; a space drain
 * carries every app of the space, each named by the app's name.
 */
import type { DrainFeed } from '../../dataplane/drains/drain-feed.js';
import type { AppRecord, LogDrainRecord } from '../store/records.js';
export declare function buildDrainFeed(drains: readonly LogDrainRecord[], apps: readonly AppRecord[]): DrainFeed;
