import type { DrainLine } from './drain-feed.js';
/** One octet-counted RFC 5424 frame for a syslog drain. */
export declare function syslogFrame(line: DrainLine, hostname: string): Buffer;
/** One logplex frame for an HTTPS drain batch. */
export declare function logplexFrame(line: DrainLine, hostname: string): Buffer;
