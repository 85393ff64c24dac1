/**
 * An app: dynos with their states (scale, restart), releases (rollback), config vars (view, set,
 * unset), domains, and a live log tail (pause, filter).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { App, Build, Dyno, Formation, Release } from '@cove/schema';
import { seg } from '@cove/api-client';
import { api, type SessionAccount } from '../session.js';
import { messageOf } from '../errors.js';
import { tailLines } from '../log-lines.js';
import { canEdit } from '../roles.js';
import { href } from '../router.js';
import { useAction, useApi } from '../use-api.js';
import { RouterCharts } from './router-charts.js';
import { ErrorBanner, Field, Section, StateBadge } from '../ui.js';

/** The fields of a domain the page shows (GET /apps/:app/domains). */
interface Domain {
  id: string;
  hostname: string;
  kind: string;
  cname: string | null;
}

export function AppPage({ name, account }: { name: string; account: SessionAccount }) {
  const app = useApi(() => api.get<App>(`/apps/${seg(name)}`), [name]);
  const [editable, setEditable] = useState(false);
  const team = app.data === undefined ? undefined : (app.data.team?.name ?? null);
  useEffect(() => {
    if (team !== undefined) void canEdit(account, team).then(setEditable);
  }, [team, account]);
  if (app.data === undefined) return <>{app.error === undefined ? <p>Loading…</p> : <ErrorBanner message={app.error} />}</>;
  const a = app.data;
  return (
    <>
      <h1>App {a.name}</h1>
      <p class="subtle">
        {a.space === null ? 'Common runtime' : <a href={href({ page: 'space', space: a.space.name })}>Space {a.space.name}</a>} ·{' '}
        {a.internal_routing === true ? 'internal routing' : 'public'} · <span>{a.web_url}</span>
      </p>
      <Dynos app={a.name} editable={editable} />
      <Releases app={a.name} editable={editable} />
      <LatestBuild app={a.name} />
      <ConfigVars app={a.name} editable={editable} />
      <Domains app={a.name} editable={editable} />
      <Certificates app={a.name} editable={editable} />
      <RouterCharts app={a.name} />
      <LogTail app={a.name} />
    </>
  );
}

function Dynos({ app, editable }: { app: string; editable: boolean }) {
  const dynos = useApi(() => api.get<Dyno[]>(`/apps/${seg(app)}/dynos`), [app], 1000);
  const formation = useApi(() => api.get<Formation[]>(`/apps/${seg(app)}/formation`), [app], 3000);
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function act(action: () => Promise<unknown>): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      await Promise.all([dynos.reload(), formation.reload()]);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title="Dynos">
      <ErrorBanner message={error ?? dynos.error ?? formation.error} />
      {(formation.data ?? []).map((f) => (
        <form
          key={f.type}
          class="inline-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => api.patch(`/apps/${seg(app)}/formation/${seg(f.type)}`, { quantity: Number(quantities[f.type] ?? f.quantity) }));
          }}
        >
          <span>
            <strong>{f.type}</strong> <code>{f.command}</code> × {f.quantity}
          </span>
          {editable && (
            <>
              <Field
                id={`scale-${f.type}`}
                label={`Dynos of ${f.type}`}
                type="number"
                value={quantities[f.type] ?? String(f.quantity)}
                onInput={(v) => setQuantities({ ...quantities, [f.type]: v })}
              />
              <button type="submit" disabled={busy}>
                Scale
              </button>
            </>
          )}
        </form>
      ))}
      {(formation.data ?? []).length === 0 && <p>No process types yet: deploy a release.</p>}
      <ul class="dynos">
        {(dynos.data ?? []).map((d) => (
          <li key={d.id} data-dyno={d.name}>
            <strong>{d.name}</strong> <StateBadge state={d.state} /> <span class="subtle">{d.extended?.ip ?? ''} {d.extended?.az ?? ''}</span>
            {editable && (
              <button type="button" class="small" disabled={busy} aria-label={`Restart ${d.name}`} onClick={() => void act(() => api.delete(`/apps/${seg(app)}/dynos/${seg(d.name)}`))}>
                Restart
              </button>
            )}
          </li>
        ))}
      </ul>
      {editable && (
        <button type="button" disabled={busy} onClick={() => void act(() => api.delete(`/apps/${seg(app)}/dynos`))}>
          Restart all dynos
        </button>
      )}
    </Section>
  );
}

function Releases({ app, editable }: { app: string; editable: boolean }) {
  const releases = useApi(() => api.get<Release[]>(`/apps/${seg(app)}/releases`, { Range: 'version ..; order=desc, max=20' }), [app], 3000);
  const { error, run } = useAction(releases.reload);
  const rollback = (release: Release): Promise<boolean> => run(() => api.post(`/apps/${seg(app)}/releases`, { release: release.id }));
  const list = [...(releases.data ?? [])].sort((x, y) => y.version - x.version);
  return (
    <Section title="Releases">
      <ErrorBanner message={error ?? releases.error} />
      <ol class="releases">
        {list.map((r) => (
          <li key={r.id} data-release={r.version}>
            <strong>v{r.version}</strong> {r.description} <span class="subtle">{r.status}{r.current ? ' · current' : ''}</span>
            {editable && !r.current && r.eligible_for_rollback && r.status === 'succeeded' && (
              <button type="button" aria-label={`Roll back to v${r.version}`} onClick={() => void rollback(r)}>
                Roll back
              </button>
            )}
          </li>
        ))}
      </ol>
    </Section>
  );
}

/** The newest build's status and its output, streamed while it runs. */
function LatestBuild({ app }: { app: string }) {
  const builds = useApi(() => api.get<Build[]>(`/apps/${seg(app)}/builds`), [app], 3000);
  const [output, setOutput] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const latest = [...(builds.data ?? [])].sort((x, y) => y.created_at.localeCompare(x.created_at))[0];

  async function show(build: Build): Promise<void> {
    setOutput('');
    setError(undefined);
    try {
      const res = await fetch(build.output_stream_url, { credentials: 'omit' });
      if (res.body === null) return setOutput(await res.text());
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        setOutput((old) => (old ?? '') + value);
      }
    } catch (e) {
      setError(messageOf(e));
    }
  }

  if (builds.data !== undefined && latest === undefined) return null;
  return (
    <Section title="Latest build">
      <ErrorBanner message={error ?? builds.error} />
      {latest !== undefined && (
        <p>
          <StateBadge state={latest.status} /> <span class="subtle">{latest.created_at}</span>{' '}
          <button type="button" onClick={() => void show(latest)}>
            {latest.status === 'pending' ? 'Follow output' : 'Show output'}
          </button>
        </p>
      )}
      {output !== undefined && (
        <pre class="log" data-testid="build-output" role="log" tabIndex={0} aria-label="Build output">
          {output}
        </pre>
      )}
    </Section>
  );
}

function ConfigVars({ app, editable }: { app: string; editable: boolean }) {
  // Polled: a rollback or another client changes them too.
  const vars = useApi(() => api.get<Record<string, string>>(`/apps/${seg(app)}/config-vars`), [app], 3000);
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const { error, run } = useAction(vars.reload);
  const patch = (body: Record<string, string | null>): Promise<boolean> => run(() => api.patch(`/apps/${seg(app)}/config-vars`, body));
  return (
    <Section title="Config vars">
      <ErrorBanner message={vars.error} />
      <dl class="facts">
        {Object.entries(vars.data ?? {}).map(([k, v]) => (
          <div key={k} class="var">
            <dt>
              <code>{k}</code>
            </dt>
            <dd>
              <code>{v}</code>{' '}
              {editable && (
                <>
                  <button type="button" aria-label={`Edit ${k}`} onClick={() => (setKey(k), setValue(v))}>
                    Edit
                  </button>{' '}
                  <button type="button" aria-label={`Unset ${k}`} onClick={() => void patch({ [k]: null })}>
                    Unset
                  </button>
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {editable && (
        <form
          class="inline-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void patch({ [key.trim()]: value }).then((ok) => ok && (setKey(''), setValue('')));
          }}
        >
          <Field id="var-key" label="Key" value={key} onInput={setKey} />
          <Field id="var-value" label="Value" value={value} onInput={setValue} />
          <button type="submit">Set</button>
        </form>
      )}
      <ErrorBanner message={error} />
    </Section>
  );
}

function Domains({ app, editable }: { app: string; editable: boolean }) {
  const domains = useApi(() => api.get<Domain[]>(`/apps/${seg(app)}/domains`), [app]);
  const [hostname, setHostname] = useState('');
  const { error, run: change } = useAction(domains.reload);
  return (
    <Section title="Domains">
      <ErrorBanner message={domains.error} />
      <ul>
        {(domains.data ?? []).map((d) => (
          <li key={d.id} data-domain={d.hostname}>
            {d.hostname} <span class="subtle">{d.kind}{d.cname === null ? '' : ` → ${d.cname}`}</span>
            {editable && d.kind === 'custom' && (
              <button type="button" class="small" aria-label={`Remove ${d.hostname}`} onClick={() => void change(() => api.delete(`/apps/${seg(app)}/domains/${seg(d.hostname)}`))}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {editable && (
        <form
          class="inline-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void change(() => api.post(`/apps/${seg(app)}/domains`, { hostname: hostname.trim() })).then((ok) => ok && setHostname(''));
          }}
        >
          <Field id="domain-hostname" label="Add a custom domain" placeholder="www.example.com" value={hostname} onInput={setHostname} error={error} />
          <button type="submit">Add domain</button>
        </form>
      )}
    </Section>
  );
}

/** The fields of an SNI endpoint the page shows (GET /apps/:app/sni-endpoints). */
interface SniEndpoint {
  readonly id: string;
  readonly name: string;
  readonly ssl_cert: { readonly cert_domains: readonly string[]; readonly expires_at: string | null; readonly 'self_signed?': boolean };
}

/** The app's SNI certificates: which names each covers and when it expires; add (PEM) and remove. */
function Certificates({ app, editable }: { app: string; editable: boolean }) {
  const endpoints = useApi(() => api.get<SniEndpoint[]>(`/apps/${seg(app)}/sni-endpoints`), [app]);
  const [chain, setChain] = useState('');
  const [key, setKey] = useState('');
  const { error, run: change } = useAction(endpoints.reload);
  return (
    <Section title="Certificates">
      <ErrorBanner message={endpoints.error} />
      <ul>
        {(endpoints.data ?? []).map((e) => (
          <li key={e.id} data-certificate={e.name}>
            {e.ssl_cert.cert_domains.join(', ')}{' '}
            <span class="subtle">
              {e.name}
              {e.ssl_cert.expires_at === null ? '' : `, expires ${e.ssl_cert.expires_at.slice(0, 10)}`}
              {e.ssl_cert['self_signed?'] ? ', self-signed' : ''}
            </span>
            {editable && (
              <button type="button" class="small" aria-label={`Remove certificate ${e.name}`} onClick={() => void change(() => api.delete(`/apps/${seg(app)}/sni-endpoints/${seg(e.id)}`))}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {editable && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void change(() => api.post(`/apps/${seg(app)}/sni-endpoints`, { certificate_chain: chain, private_key: key })).then((ok) => {
              if (!ok) return;
              setChain('');
              setKey('');
            });
          }}
        >
          <div class="field">
            <label for="cert-chain">Certificate chain (PEM)</label>
            <textarea id="cert-chain" rows={4} value={chain} onInput={(e) => setChain((e.currentTarget as HTMLTextAreaElement).value)} />
          </div>
          <div class="field">
            <label for="cert-key">Private key (PEM)</label>
            <textarea id="cert-key" rows={4} value={key} onInput={(e) => setKey((e.currentTarget as HTMLTextAreaElement).value)} />
          </div>
          <button type="submit">Add certificate</button>
        </form>
      )}
      <ErrorBanner message={error} />
    </Section>
  );
}

/** The live log tail, kept to the newest lines. */
const MAX_LINES = 500;

function LogTail({ app }: { app: string }) {
  const [lines, setLines] = useState<string[]>([]);
  const [paused, setPaused] = useState(false);
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const pausedRef = useRef(false);
  pausedRef.current = paused;
  useEffect(() => {
    let stop: (() => void) | undefined;
    let gone = false;
    setLines([]);
    tailLines(
      app,
      (line) => {
        if (!pausedRef.current) setLines((old) => [...old.slice(-(MAX_LINES - 1)), line]);
      },
      setError,
    ).then(
      (s) => (gone ? s() : (stop = s)),
      (e: unknown) => setError(messageOf(e)),
    );
    return () => {
      gone = true;
      stop?.();
    };
  }, [app]);
  const shown = filter === '' ? lines : lines.filter((l) => l.includes(filter));
  return (
    <Section title="Logs">
      <div class="inline-form">
        <button type="button" aria-pressed={paused} onClick={() => setPaused(!paused)}>
          {paused ? 'Resume' : 'Pause'}
        </button>
        <Field id="log-filter" label="Filter (source, dyno or text)" placeholder="router, web.1…" value={filter} onInput={setFilter} />
      </div>
      <ErrorBanner message={error} />
      <pre class="log" data-testid="log-tail" role="log" tabIndex={0} aria-label="Log lines" aria-live="off">
        {shown.join('\n')}
      </pre>
    </Section>
  );
}
