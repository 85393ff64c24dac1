/**
 * Runtime specs for backend tests (the contract suite and the linux tests): unique ids per call,
 * Heroku-like defaults, overridable field by field.
 */
import type { DynoSpec, SpaceSpec } from '@cove/platform';

let spaceCounter = 0;

/** A space with a unique id; 10.0.0.0/16 and three healthy zones. */
export function spaceSpec(overrides: Partial<SpaceSpec> = {}): SpaceSpec {
  spaceCounter += 1;
  return {
    id: `space-${spaceCounter}`,
    name: `space${spaceCounter}`,
    cidr: '10.0.0.0/16',
    dataCidr: '10.1.0.0/16',
    outboundIps: [],
    zones: [
      { name: 'a', healthy: true },
      { name: 'b', healthy: true },
      { name: 'c', healthy: true },
    ],
    ...overrides,
  };
}

/** A web dyno (or `overrides.type`) of app 'lab' in zone a, running `node app.js` from the slug (see slug-server.ts). */
export function dynoSpec(space: SpaceSpec | null, slug: DynoSpec['slug'], overrides: Partial<DynoSpec> = {}): DynoSpec {
  const number = overrides.number ?? 1;
  const type = overrides.type ?? 'web';
  const appName = overrides.appName ?? 'lab';
  return {
    id: `${appName}-${type}-${number}-${Math.random().toString(16).slice(2, 10)}`,
    appId: `app-${appName}`,
    appName,
    spaceId: space?.id ?? null,
    zone: space === null ? null : 'a',
    type,
    number,
    name: `${type}.${number}`,
    releaseId: 'release-1',
    releaseVersion: 1,
    command: `${process.execPath} app.js`,
    env: { GREETING: 'hello' },
    size: 'Private-S',
    limits: { memoryMb: 256, pids: 128, cpuPercent: 100 },
    slug,
    restart: 'always',
    listens: type === 'web',
    bootTimeoutSeconds: 30,
    ...overrides,
  };
}

