/** Spaces: the list (state, region, team, apps, dynos) and the create form. */
import { useState } from 'preact/hooks';
import { spaceCreateBodySchema, type App, type Region, type Space, type SpaceDynos, type Team } from '@cove/schema';
import { seg } from '@cove/api-client';
import { api } from '../session.js';
import { fieldOf, messageOf } from '../errors.js';
import { href } from '../router.js';
import { useApi } from '../use-api.js';
import { validate } from '../validate.js';
import { ErrorBanner, Field, Section, StateBadge } from '../ui.js';

interface SpaceRow {
  space: Space;
  apps: number;
  dynos: number;
}

async function loadSpaces(): Promise<SpaceRow[]> {
  const [spaces, apps] = await Promise.all([api.get<Space[]>('/spaces'), api.get<App[]>('/apps')]);
  return Promise.all(
    spaces.map(async (space) => {
      const dynos = await api.get<SpaceDynos[]>(`/spaces/${seg(space.id)}/dynos`).catch(() => []);
      return { space, apps: apps.filter((a) => a.space?.id === space.id).length, dynos: dynos.reduce((n, a) => n + a.dynos.length, 0) };
    }),
  );
}

const LABELS = { name: 'Name', team: 'Team', cidr: 'CIDR', data_cidr: 'Data CIDR' } as const;

export function SpacesPage() {
  const spaces = useApi(loadSpaces, [], 3000);
  const teams = useApi(() => api.get<Team[]>('/teams'), []);
  const regions = useApi(() => api.get<Region[]>('/regions'), []);
  const [values, setValues] = useState({ name: '', team: '', region: '', cidr: '', data_cidr: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const team = values.team !== '' ? values.team : (teams.data?.[0]?.name ?? '');
  const region = values.region !== '' ? values.region : (regions.data?.[0]?.name ?? '');

  async function create(event: Event): Promise<void> {
    event.preventDefault();
    const input = { ...values, team, region };
    const local = validate(spaceCreateBodySchema, input, ['name', 'team']);
    setErrors(local);
    setFormError(undefined);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const body: Record<string, string> = { name: input.name, team: input.team };
      if (input.region !== '') body['region'] = input.region;
      if (input.cidr !== '') body['cidr'] = input.cidr;
      if (input.data_cidr !== '') body['data_cidr'] = input.data_cidr;
      const space = await api.post<Space>('/spaces', body);
      location.hash = href({ page: 'space', space: space.name });
    } catch (error) {
      const field = fieldOf(error, LABELS);
      if (field !== undefined) setErrors({ [field]: messageOf(error) });
      else setFormError(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  const set = (field: keyof typeof values) => (value: string) => setValues({ ...values, [field]: value });
  return (
    <>
      <h1>Spaces</h1>
      <Section title="Your spaces">
        <ErrorBanner message={spaces.error} />
        {spaces.data === undefined ? (
          <p>Loading…</p>
        ) : spaces.data.length === 0 ? (
          <p>No spaces yet.</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">State</th>
                  <th scope="col">Region</th>
                  <th scope="col">Team</th>
                  <th scope="col">Apps</th>
                  <th scope="col">Dynos</th>
                </tr>
              </thead>
              <tbody>
                {spaces.data.map(({ space, apps, dynos }) => (
                  <tr key={space.id}>
                    <td>
                      <a href={href({ page: 'space', space: space.name })}>{space.name}</a>
                    </td>
                    <td>
                      <StateBadge state={space.state} />
                    </td>
                    <td>{space.region.name}</td>
                    <td>{space.team.name}</td>
                    <td>{apps}</td>
                    <td>{dynos}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      <Section title="Create a space">
        <form onSubmit={(e) => void create(e)} noValidate>
          <Field id="space-name" label="Name" value={values.name} onInput={set('name')} error={errors['name']} />
          <div class="field">
            <label for="space-team">Team</label>
            <select id="space-team" value={team} onChange={(e) => set('team')((e.currentTarget as HTMLSelectElement).value)}>
              {(teams.data ?? []).map((t) => (
                <option key={t.id} value={t.name}>
                  {t.name}
                </option>
              ))}
            </select>
            {errors['team'] !== undefined && (
              <p class="field-error" role="alert">
                {errors['team']}
              </p>
            )}
          </div>
          <div class="field">
            <label for="space-region">Region</label>
            <select id="space-region" value={region} onChange={(e) => set('region')((e.currentTarget as HTMLSelectElement).value)}>
              {(regions.data ?? []).map((r) => (
                <option key={r.id} value={r.name}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
          <Field id="space-cidr" label="CIDR (optional)" placeholder="10.0.0.0/16" value={values.cidr} onInput={set('cidr')} error={errors['cidr']} />
          <Field id="space-data-cidr" label="Data CIDR (optional)" placeholder="10.1.0.0/16" value={values.data_cidr} onInput={set('data_cidr')} error={errors['data_cidr']} />
          <ErrorBanner message={formError ?? teams.error} />
          <button type="submit" disabled={busy}>
            {busy ? 'Creating…' : 'Create space'}
          </button>
        </form>
      </Section>
    </>
  );
}
