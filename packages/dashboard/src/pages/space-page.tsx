/**
 * A space: its state (with progress while allocating), network settings (CIDRs, outbound IPs,
 * trusted IP ranges), members with their access, and the live topology picture.
 */
import { useEffect, useState } from 'preact/hooks';
import type { InboundRuleset, Space, SpaceAppAccess, SpaceNat } from '@cove/schema';
import { seg } from '@cove/api-client';
import { api, type SessionAccount } from '../session.js';
import { messageOf } from '../errors.js';
import { canEdit } from '../roles.js';
import { useApi } from '../use-api.js';
import { ErrorBanner, Field, Section, StateBadge } from '../ui.js';
import { Topology } from './topology.js';

export function SpacePage({ name, account }: { name: string; account: SessionAccount }) {
  const space = useApi(() => api.get<Space>(`/spaces/${seg(name)}`), [name], 1000);
  const [editable, setEditable] = useState(false);
  const team = space.data?.team.name;
  useEffect(() => {
    if (team !== undefined) void canEdit(account, team).then(setEditable);
  }, [team, account]);

  if (space.data === undefined) return <>{space.error === undefined ? <p>Loading…</p> : <ErrorBanner message={space.error} />}</>;
  const s = space.data;
  return (
    <>
      <h1>
        Space {s.name} <StateBadge state={s.state} />
      </h1>
      <ErrorBanner message={space.error} />
      {s.state === 'allocating' && (
        <div class="progress" role="status">
          <progress aria-label="Allocating the space" />
          <span>Allocating: making the space's network, router and DNS…</span>
        </div>
      )}
      <Section title="Network">
        <dl class="facts">
          <dt>Team</dt>
          <dd>{s.team.name}</dd>
          <dt>Region</dt>
          <dd>{s.region.name}</dd>
          <dt>CIDR</dt>
          <dd>{s.cidr}</dd>
          <dt>Data CIDR</dt>
          <dd>{s.data_cidr}</dd>
          <dt>Outbound IPs</dt>
          <dd>
            <OutboundIps space={s.name} />
          </dd>
        </dl>
      </Section>
      <Section title="Topology">
        <Topology space={s.name} editable={editable} />
      </Section>
      <TrustedIpRanges space={s.name} editable={editable} />
      <Members space={s.name} editable={editable} />
    </>
  );
}

function OutboundIps({ space }: { space: string }) {
  const nat = useApi(() => api.get<SpaceNat>(`/spaces/${seg(space)}/nat`), [space], 5000);
  if (nat.error !== undefined) return <ErrorBanner message={nat.error} />;
  if (nat.data === undefined) return <>…</>;
  return <>{nat.data.sources.length === 0 ? `none (${nat.data.state})` : nat.data.sources.join(', ')}</>;
}

function TrustedIpRanges({ space, editable }: { space: string; editable: boolean }) {
  const ruleset = useApi(() => api.get<InboundRuleset>(`/spaces/${seg(space)}/inbound-ruleset`), [space]);
  const [source, setSource] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const rules = ruleset.data?.rules ?? [];

  async function save(next: InboundRuleset['rules']): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    try {
      await api.put(`/spaces/${seg(space)}/inbound-ruleset`, { rules: next });
      await ruleset.reload();
      return true;
    } catch (e) {
      setError(messageOf(e));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function add(event: Event): Promise<void> {
    event.preventDefault();
    if (await save([...rules, { action: 'allow', source: source.trim() }])) setSource('');
  }

  return (
    <Section title="Trusted IP ranges">
      <ErrorBanner message={ruleset.error} />
      {ruleset.data !== undefined && rules.length === 0 && (
        <p class="warn" role="note">
          The list is empty: no one can reach this space's public apps until a range is added.
        </p>
      )}
      <ul class="rules">
        {rules.map((rule, i) => (
          <li key={`${rule.source}-${i}`}>
            <code>{rule.source}</code> <span class="subtle">{rule.action}</span>
            {editable && (
              <button type="button" disabled={busy} aria-label={`Remove ${rule.source}`} onClick={() => void save(rules.filter((_, j) => j !== i))}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {editable && (
        <form onSubmit={(e) => void add(e)} class="inline-form" noValidate>
          <Field id="trusted-range" label="Add a range (CIDR)" placeholder="192.0.2.0/24" value={source} onInput={setSource} error={error} />
          <button type="submit" disabled={busy}>
            Add range
          </button>
        </form>
      )}
    </Section>
  );
}

function Members({ space, editable }: { space: string; editable: boolean }) {
  const members = useApi(() => api.get<SpaceAppAccess[]>(`/spaces/${seg(space)}/members`), [space]);
  const [error, setError] = useState<string | undefined>(undefined);
  async function grant(email: string, createApps: boolean): Promise<void> {
    setError(undefined);
    try {
      await api.patch(`/spaces/${seg(space)}/members/${seg(email)}`, { permissions: createApps ? [{ name: 'create_apps' }] : [] });
      await members.reload();
    } catch (e) {
      setError(messageOf(e));
    }
  }
  return (
    <Section title="Members">
      <ErrorBanner message={members.error ?? error} />
      <ul>
        {(members.data ?? []).map((m) => {
          const createApps = m.permissions.some((p) => p.name === 'create_apps');
          return (
            <li key={m.user.id} data-member={m.user.email}>
              {m.user.email} <span class="subtle">{m.role}</span>{' '}
              {editable && m.role === 'member' ? (
                <label>
                  <input type="checkbox" checked={createApps} onChange={() => void grant(m.user.email, !createApps)} /> can create apps
                </label>
              ) : (
                createApps && <span class="badge">can create apps</span>
              )}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
