/**
 * The live picture of a space's network: its zones (health, subnet) as columns, every app's dynos
 * by process type in the zone they run in, with state and private IP; public apps and internal
 * apps apart. Polls every second (the API's state changes show within 2 s). A dyno is a button:
 * it opens the dyno's recent log lines.
 */
import { useState } from 'preact/hooks';
import type { App, Dyno, SpaceDynos, SpaceNetwork, Zone } from '@cove/schema';
import { seg } from '@cove/api-client';
import { api } from '../session.js';
import { messageOf } from '../errors.js';
import { recentLines } from '../log-lines.js';
import { href } from '../router.js';
import { useApi } from '../use-api.js';
import { ErrorBanner } from '../ui.js';

interface Picture {
  network: SpaceNetwork;
  zones: Zone[];
  apps: App[];
  dynos: SpaceDynos[];
}

async function loadPicture(space: string): Promise<Picture> {
  const [network, zones, dynos, apps] = await Promise.all([
    api.get<SpaceNetwork>(`/spaces/${seg(space)}/network`),
    api.get<Zone[]>(`/spaces/${seg(space)}/zones`),
    api.get<SpaceDynos[]>(`/spaces/${seg(space)}/dynos`),
    api.get<App[]>('/apps'),
  ]);
  return { network, zones, dynos, apps: apps.filter((a) => a.space?.name === space || a.space?.id === space) };
}

export function Topology({ space, editable }: { space: string; editable: boolean }) {
  const picture = useApi(() => loadPicture(space), [space], 1000);
  const [drillError, setDrillError] = useState<string | undefined>(undefined);

  async function drill(zone: string, action: 'fail' | 'recover'): Promise<void> {
    setDrillError(undefined);
    try {
      await api.post(`/spaces/${seg(space)}/zones/${seg(zone)}/actions/${action}`);
      await picture.reload();
    } catch (error) {
      setDrillError(messageOf(error));
    }
  }
  const [selected, setSelected] = useState<{ app: string; dyno: Dyno } | undefined>(undefined);
  const [logs, setLogs] = useState<{ lines?: string[]; error?: string }>({});

  async function open(app: string, dyno: Dyno): Promise<void> {
    setSelected({ app, dyno });
    setLogs({});
    try {
      setLogs({ lines: await recentLines(app, dyno.name) });
    } catch (error) {
      setLogs({ error: messageOf(error) });
    }
  }

  const data = picture.data;
  if (data === undefined) return <>{picture.error === undefined ? <p>Loading…</p> : <ErrorBanner message={picture.error} />}</>;
  const byApp = new Map(data.dynos.map((d) => [d.app_name, d.dynos]));
  const zoneNames = data.zones.map((z) => z.name);
  const unzoned = (dyno: Dyno) => dyno.extended?.az === null || dyno.extended?.az === undefined || !zoneNames.includes(dyno.extended.az);
  const groups: { title: string; apps: App[] }[] = [
    { title: 'Public apps (through the router)', apps: data.apps.filter((a) => a.internal_routing !== true) },
    { title: 'Internal apps (space only)', apps: data.apps.filter((a) => a.internal_routing === true) },
  ];
  return (
    <div class="topology" data-testid="topology">
      <ErrorBanner message={picture.error ?? drillError} />
      <p class="network-line">
        <span>
          Internal router <code data-testid="router-address">{data.network.router_address}</code>
        </span>{' '}
        ·{' '}
        <span>
          DNS <code data-testid="dns-address">{data.network.dns_address}</code>
        </span>{' '}
        · <span>CIDR {data.network.cidr}</span>
      </p>
      <div class="zones" role="list" aria-label="Zones">
        {data.zones.map((zone) => (
          <div class={`zone ${zone.healthy ? '' : 'zone-unhealthy'}`} role="listitem" key={zone.name} data-zone={zone.name}>
            <h3>
              {zone.name} <span class="subtle">{zone.subnet}</span>
            </h3>
            <p class={zone.healthy ? 'ok' : 'warn'}>
              {zone.healthy ? 'healthy' : 'failed (drill)'}{' '}
              <span class="subtle">gateway {data.network.zones.find((z) => z.name === zone.name)?.gateway ?? '—'}</span>
              {editable && (
                <button type="button" class="small" onClick={() => void drill(zone.name, zone.healthy ? 'fail' : 'recover')}>
                  {zone.healthy ? `Fail zone ${zone.name}` : `Recover zone ${zone.name}`}
                </button>
              )}
            </p>
            {groups.map((group) => (
              <div key={group.title} class="zone-group">
                <h4>{group.title}</h4>
                {group.apps.map((app) => {
                  const dynos = (byApp.get(app.name) ?? []).filter((d) => d.extended?.az === zone.name);
                  if (dynos.length === 0) return null;
                  const types = [...new Set(dynos.map((d) => d.type))];
                  return (
                    <div class="topo-app" key={app.id}>
                      <a href={href({ page: 'app', app: app.name })}>{app.name}</a>
                      {types.map((type) => (
                        <div class="topo-type" key={type}>
                          <span class="subtle">{type}</span>
                          <ul>
                            {dynos
                              .filter((d) => d.type === type)
                              .map((d) => (
                                <li key={d.id}>
                                  <button
                                    type="button"
                                    class={`dyno state-${d.state}`}
                                    data-dyno={`${app.name}/${d.name}`}
                                    aria-label={`${app.name} ${d.name}, ${d.state}, ${d.extended?.ip ?? 'no IP'}: show log lines`}
                                    onClick={() => void open(app.name, d)}
                                  >
                                    {d.name} · {d.state} · {d.extended?.ip ?? '—'}
                                  </button>
                                </li>
                              ))}
                          </ul>
                        </div>
                      ))}
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
        ))}
      </div>
      {data.dynos.some((a) => a.dynos.some(unzoned)) && (
        <p class="subtle">
          Not in a zone yet:{' '}
          {data.dynos.flatMap((a) => a.dynos.filter(unzoned).map((d) => `${a.app_name}/${d.name} (${d.state})`)).join(', ')}
        </p>
      )}
      {selected !== undefined && (
        <div class="dyno-logs" role="region" aria-label={`Log lines of ${selected.app} ${selected.dyno.name}`}>
          <h3>
            Log lines of {selected.app} {selected.dyno.name}{' '}
            <button type="button" onClick={() => setSelected(undefined)}>
              Close
            </button>
          </h3>
          <ErrorBanner message={logs.error} />
          {logs.lines === undefined && logs.error === undefined ? <p>Loading…</p> : <pre class="log">{(logs.lines ?? []).join('\n') || '(no lines yet)'}</pre>}
        </div>
      )}
    </div>
  );
}
