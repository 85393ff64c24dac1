/**
 * What `buildpacks:set`, `buildpacks:add`, `buildpacks:remove` and `buildpacks:clear` share:
 * read the list, edit it, PUT the whole list back (with `Range: ''`, as the heroku CLI does),
 * and say what the next release will use.
 */
import type { BuildpackInstallation } from '@cove/schema';
import { seg, type ApiClient } from './api-client.js';
import { buildpackLines, buildpackUrls } from './buildpacks.js';
import type { Output } from './output.js';
import { appLabel } from './styled.js';

export async function updateBuildpacks(
  api: ApiClient,
  out: Output,
  app: string,
  action: 'set' | 'added' | 'removed' | 'cleared',
  edit: (current: string[]) => string[],
): Promise<void> {
  const current = buildpackUrls(await api.get<BuildpackInstallation[]>(`/apps/${seg(app)}/buildpack-installations`));
  const next = edit(current);
  const saved = buildpackUrls(
    await api.put<BuildpackInstallation[]>(`/apps/${seg(app)}/buildpack-installations`, { updates: next.map((buildpack) => ({ buildpack })) }, { Range: '' }),
  );
  const label = appLabel(app);
  if (action === 'cleared') return out.log(`Buildpacks cleared. Next release on ${label} will detect buildpacks normally.`);
  const verb = action === 'set' ? 'Buildpack set.' : action === 'added' ? 'Buildpack added.' : 'Buildpack removed.';
  if (saved.length === 0) return out.log(`${verb} Next release on ${label} will detect buildpacks normally.`);
  if (saved.length === 1) out.log(`${verb} Next release on ${label} will use ${saved[0] ?? ''}.`);
  else out.log(`${verb} Next release on ${label} will use:\n${buildpackLines(saved).map((l) => `  ${l}`).join('\n')}`);
  out.log(`Run git push cove main to create a new release using ${saved.length === 1 ? 'this buildpack' : 'these buildpacks'}.`);
}
