import type { Formation } from '@cove/schema';
import { seg } from '../../lib/api-client.js';
import { CliError } from '../../lib/cli-error.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag, jsonFlag } from '../../lib/common-flags.js';
import { parseScaleArgs } from '../../lib/scale-args.js';
import { appLabel } from '../../lib/styled.js';

export const psScale = defineCommand({
  id: 'ps:scale',
  aliases: ['dyno:scale', 'scale'],
  description:
    "scale dyno quantity up or down\nAppending a size (eg. web=2:Private-M) allows simultaneous scaling and resizing.\n\nOmitting any arguments will display the app's current dyno formation, in a\nformat suitable for passing back into ps:scale.",
  examples: ['ps:scale web=3:Private-M worker+1 -a my-app\nScaling dynos... done, now running web at 3:Private-M, worker at 1:Private-S', 'ps:scale -a my-app\nweb=3:Private-M worker=1:Private-S'],
  variadic: true,
  flags: { app: appFlag, json: jsonFlag },
  async run({ input, api, out }) {
    const app = input.app();
    const updates = parseScaleArgs(input.args);
    if (updates.length === 0) {
      const formation = await api.get<Formation[]>(`/apps/${seg(app)}/formation`);
      if (input.boolean('json')) return out.json(formation);
      if (formation.length === 0) {
        throw new CliError(`No process types on ${appLabel(app)}.\nUpload a Procfile to add process types.`, {
          suggestions: ['Release a slug with process_types (POST /apps/APP/slugs, then POST /apps/APP/releases)'],
        });
      }
      return out.log(formation.map((f) => `${f.type}=${f.quantity}:${f.size}`).sort().join(' '));
    }
    const formation = await out.action(
      'Scaling dynos',
      () => api.patch<Formation[]>(`/apps/${seg(app)}/formation`, { updates }),
      (result) =>
        `done, now running ${result
          .filter((f) => updates.some((u) => u.type === f.type))
          .map((f) => `${f.type} at ${f.quantity}:${f.size}`)
          .join(', ')}`,
    );
    if (input.boolean('json')) out.json(formation);
  },
});
