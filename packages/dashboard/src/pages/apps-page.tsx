/** Apps: the list and the create form (in a space, with internal routing). */
import { useState } from 'preact/hooks';
import { appCreateBodySchema, type App, type Space } from '@cove/schema';
import { api } from '../session.js';
import { fieldOf, messageOf } from '../errors.js';
import { href } from '../router.js';
import { useApi } from '../use-api.js';
import { validate } from '../validate.js';
import { ErrorBanner, Field, Section } from '../ui.js';

export function AppsPage() {
  const apps = useApi(() => api.get<App[]>('/apps'), [], 3000);
  const spaces = useApi(() => api.get<Space[]>('/spaces'), []);
  const [name, setName] = useState('');
  const [space, setSpace] = useState('');
  const [internal, setInternal] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const chosenSpace = space !== '' ? space : (spaces.data?.[0]?.name ?? '');

  async function create(event: Event): Promise<void> {
    event.preventDefault();
    const local = validate(appCreateBodySchema, { name, space: chosenSpace }, []);
    setErrors(local);
    setFormError(undefined);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const body = { ...(name === '' ? {} : { name }), ...(chosenSpace === '' ? {} : { space: chosenSpace }), ...(internal ? { internal_routing: true } : {}) };
      const app = await api.post<App>(chosenSpace === '' ? '/apps' : '/teams/apps', body);
      location.hash = href({ page: 'app', app: app.name });
    } catch (error) {
      const field = fieldOf(error, { name: 'name', space: 'space' });
      if (field !== undefined) setErrors({ [field]: messageOf(error) });
      else setFormError(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>Apps</h1>
      <Section title="Your apps">
        <ErrorBanner message={apps.error} />
        {apps.data === undefined ? (
          <p>Loading…</p>
        ) : apps.data.length === 0 ? (
          <p>No apps yet.</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Space</th>
                  <th scope="col">Routing</th>
                  <th scope="col">Released</th>
                </tr>
              </thead>
              <tbody>
                {apps.data.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <a href={href({ page: 'app', app: a.name })}>{a.name}</a>
                    </td>
                    <td>{a.space?.name ?? '—'}</td>
                    <td>{a.internal_routing === true ? 'internal' : 'public'}</td>
                    <td>{a.released_at ?? 'never'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      <Section title="Create an app">
        <form onSubmit={(e) => void create(e)} noValidate>
          <Field id="app-name" label="Name (optional)" value={name} onInput={setName} error={errors['name']} />
          <div class="field">
            <label for="app-space">Space</label>
            <select id="app-space" value={chosenSpace} onChange={(e) => setSpace((e.currentTarget as HTMLSelectElement).value)}>
              {(spaces.data ?? []).map((s) => (
                <option key={s.id} value={s.name}>
                  {s.name}
                </option>
              ))}
              <option value="">(no space: the common runtime)</option>
            </select>
            {errors['space'] !== undefined && (
              <p class="field-error" role="alert">
                {errors['space']}
              </p>
            )}
          </div>
          <div class="field checkbox">
            <input id="app-internal" type="checkbox" checked={internal} onChange={(e) => setInternal((e.currentTarget as HTMLInputElement).checked)} />
            <label for="app-internal">Internal routing (reachable only inside the space)</label>
          </div>
          <ErrorBanner message={formError ?? spaces.error} />
          <button type="submit" disabled={busy}>
            {busy ? 'Creating…' : 'Create app'}
          </button>
        </form>
      </Section>
    </>
  );
}
