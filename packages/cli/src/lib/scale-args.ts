/** `ps:scale` arguments: `web=2`, `web=2:Private-M`, `worker+1`, `worker-1`. */
import { UsageError } from './cli-error.js';

export interface FormationUpdate {
  type: string;
  /** A string as the heroku CLI sends it: `"2"`, `"+1"`, `"-1"`. */
  quantity: string;
  size?: string;
}

const CHANGE = /^([\w-]+?)([=+-]\d+)(?::([\w-]+))?$/;

export function parseScaleArgs(args: readonly string[]): FormationUpdate[] {
  return args.map((arg) => {
    const match = CHANGE.exec(arg);
    if (match === null) {
      throw new UsageError(`Invalid scaling argument ${arg}: use TYPE=N[:SIZE], TYPE+N or TYPE-N`, 'ps:scale');
    }
    const [, type = '', change = '', size] = match;
    const quantity = change.startsWith('=') ? change.slice(1) : change;
    return { type, quantity, ...(size === undefined ? {} : { size: size.replace(/^Shield-/, 'Private-') }) };
  });
}
