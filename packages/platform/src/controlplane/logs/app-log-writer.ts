/**
 * The one way lines get into the apps' log buffers (dynos' output, platform and router lines):
 * stamped with the time they arrived, and split like Heroku's over-long lines. Never throws:
 * a line that cannot be stored is reported, and whoever logged it carries on.
 */
import type { RuntimeLogLine } from '../../backends/runtime.js';
import { splitLogMessage } from '../../shared/log-line-format.js';
import type { Logger } from '../../shared/log.js';
import type { Store } from '../store/store.js';

export function appLogWriter(store: Store, log: Logger): (line: RuntimeLogLine) => void {
  // The router logs thousands of lines a second: lines of the same millisecond share one stamp.
  let stampedAt = 0;
  let stamp = '';
  return (line) => {
    try {
      const now = Date.now();
      if (now !== stampedAt) {
        stampedAt = now;
        stamp = new Date(now).toISOString();
      }
      const time = stamp;
      for (const message of splitLogMessage(line.message)) store.appendLog({ appId: line.appId, time, source: line.source, dyno: line.dyno, message });
    } catch (error) {
      log.error('Could not store a log line', error);
    }
  };
}
