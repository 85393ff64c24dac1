/**
 * The one way lines get into the apps' log buffers (dynos' output, platform and router lines):
 * stamped with the time they arrived, and split like Heroku's over-long lines. Never throws:
 * a line that cannot be stored is reported, and whoever logged it carries on.
 */
import type { RuntimeLogLine } from '../../backends/runtime.js';
import type { Logger } from '../../shared/log.js';
import type { Store } from '../store/store.js';
export declare function appLogWriter(store: Store, log: Logger): (line: RuntimeLogLine) => void;
