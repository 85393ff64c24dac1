import { getCallers, putCallers, withCallerRemoved } from '../../../lib/allowed-callers.js';
import { defineCommand } from '../../../lib/command.js';
import { appFlag } from '../../../lib/common-flags.js';
import { appLabel } from '../../../lib/styled.js';

export const appsCallersRemove = defineCommand({
  id: 'apps:callers:remove',
  description:
    "stop allowing an app to call an internal app\nRemoving the last one leaves an empty list: no other app may call it. apps:callers:clear lets every app of its space call it again.",
  examples: ['apps:callers:remove billing -a my-api\nRemoved billing from the allowed callers of ⬢ my-api'],
  args: [{ name: 'caller', description: 'name or id of the app to remove', required: true }],
  flags: { app: appFlag },
  async run({ input, api, out }) {
    const caller = input.arg(0) ?? '';
    const app = input.app();
    const kept = withCallerRemoved(await getCallers(api, app), app, caller);
    await putCallers(api, app, kept);
    out.log(`Removed ${caller} from the allowed callers of ${appLabel(app)}`);
    if (kept.length === 0) out.log(`No other app may call ${appLabel(app)} now. Run apps:callers:clear to let every app of its space call it.`);
  },
});
