/**
 * The reconciler: level-triggered and idempotent. Each pass compares the desired state in the
 * store with what the runtime reports and converges: space networks first (a space becomes
 * `allocated` only when the runtime says its network is ready), then dynos (start what is
 * missing, stop what is no longer wanted: rolling-plan.ts decides which and when), then it
 * writes what actually runs back to the store for the API to read. Runtime errors never reach
 * the API: they land in the space's `lastError` and the next pass retries.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { DynoSpec, DynoStatus, Runtime, SpaceSpec } from '../../backends/runtime.js';
import type { SlugBlobSigner } from '../blobs/slug-blob-url.js';
import type { DynoRecord, SpaceRecord } from '../store/records.js';
import type { Store } from '../store/sqlite/sqlite-store.js';
import { desiredDynos } from './desired-dynos.js';
import { releasePhaseDynos, settleReleasePhases } from './release-phase.js';
import { dynosToStart, shouldStop } from './rolling-plan.js';
import { DynoRetirer } from './dyno-retirer.js';
import { desiredOneOffDynos, markOneOffStarted, settleOneOffDynos } from './one-off-dynos.js';

export interface ReconcilerOptions {
  readonly intervalMs: number;
  /** Signs the slug URLs in dyno specs (the API's address as backends reach it, and the blob key). */
  readonly slugBlobs: SlugBlobSigner;
  readonly onError?: (message: string, error: unknown) => void;
  /** Routed dynos drain this long at most before they stop; unset when no router runs. */
  readonly drainTimeoutMs?: number;
}

export class Reconciler {
  readonly #store: Store;
  readonly #runtime: Runtime;
  readonly #options: ReconcilerOptions;
  readonly #retirer: DynoRetirer;
  /** Specs of dynos this process started or adopted, for what the runtime does not report. */
  readonly #specs = new Map<string, DynoSpec>();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #closed = false;
  #unsubscribe: (() => void) | undefined;
  #passes = 0;
  /** Last error reported per subject, so a persistent failure is logged once, not every pass. */
  readonly #lastErrors = new Map<string, string>();

  constructor(store: Store, runtime: Runtime, options: ReconcilerOptions) {
    this.#store = store;
    this.#runtime = runtime;
    this.#options = options;
    this.#retirer = new DynoRetirer(store, runtime, { drainTimeoutMs: options.drainTimeoutMs ?? null });
  }

  /** Completed passes; tests wait on it. */
  get passes(): number {
    return this.#passes;
  }

  start(): void {
    this.#unsubscribe = this.#store.onChange(() => this.trigger());
    this.#timer = setInterval(() => this.trigger(), this.#options.intervalMs);
    this.#timer.unref();
    this.trigger();
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#unsubscribe?.();
    if (this.#timer !== undefined) clearInterval(this.#timer);
    await this.#running;
  }

  /** Asks for a pass soon; passes never overlap, and a request during one runs another. */
  trigger(): void {
    if (this.#closed) return;
    if (this.#running !== undefined) {
      this.#again = true;
      return;
    }
    this.#running = (async () => {
      do {
        this.#again = false;
        await delay(0);
        try {
          await this.reconcileOnce();
        } catch (error) {
          this.#options.onError?.('Reconciler pass failed', error);
        }
        this.#passes++;
      } while (this.#again && !this.#closed);
      this.#running = undefined;
    })();
  }

  /** One full pass. Exposed for tests. */
  async reconcileOnce(): Promise<void> {
    const readySpaces = await this.#reconcileSpaces();
    await this.#reconcileDynos(readySpaces);
  }

  async #reconcileSpaces(): Promise<Map<string, string[]>> {
    const store = this.#store;
    const ready = new Map<string, string[]>();
    const known = new Set<string>();
    for (const space of store.tables.spaces.select('', [], 'ORDER BY created_at')) {
      known.add(space.id);
      if (space.state === 'deleting') {
        try {
          for (const dyno of await this.#runtime.listDynos()) {
            if (dyno.spaceId === space.id) await this.#runtime.stopDyno(dyno.id, { graceSeconds: 5 });
          }
          await this.#runtime.removeSpace(space.id);
          store.transaction(() => {
            store.tables.dynos.delete('space_id = ?', [space.id]);
            store.tables.spaces.delete('id = ?', [space.id]);
          });
          store.observed();
        } catch (error) {
          this.#recordSpaceError(space, error);
        }
        continue;
      }
      const zones = store.tables.spaceZones.select('space_id = ?', [space.id], 'ORDER BY name');
      const spec: SpaceSpec = {
        id: space.id,
        name: space.name,
        cidr: space.cidr,
        dataCidr: space.dataCidr,
        outboundIps: space.outboundIps,
        zones: zones.map((z) => ({ name: z.name, healthy: z.healthy })),
      };
      try {
        const status = await this.#runtime.applySpace(spec);
        const state = status.ready ? 'allocated' : 'allocating';
        const changed =
          state !== space.state || space.lastError !== null || JSON.stringify(status.outboundIps) !== JSON.stringify(space.outboundIps);
        if (changed) {
          store.tables.spaces.update(
            { state, outboundIps: [...status.outboundIps], lastError: null, updatedAt: new Date().toISOString() },
            'id = ?',
            [space.id],
          );
          store.observed();
        }
        if (status.ready) ready.set(space.id, status.zones.filter((z) => z.healthy).map((z) => z.name));
      } catch (error) {
        this.#recordSpaceError(space, error);
      }
    }
    for (const status of await this.#runtime.listSpaces()) {
      if (!known.has(status.id)) await this.#runtime.removeSpace(status.id);
    }
    return ready;
  }

  #reportOnce(subject: string, message: string, error: unknown): void {
    const text = error instanceof Error ? error.message : String(error);
    if (this.#lastErrors.get(subject) === text) return;
    this.#lastErrors.set(subject, text);
    this.#options.onError?.(message, error);
  }

  #recordSpaceError(space: SpaceRecord, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (message !== space.lastError) {
      this.#store.tables.spaces.update({ lastError: message }, 'id = ?', [space.id]);
      this.#options.onError?.(`Space ${space.name} did not converge`, error);
    }
  }

  async #reconcileDynos(readySpaces: Map<string, string[]>): Promise<void> {
    const store = this.#store;
    let actual = await this.#runtime.listDynos();
    settleOneOffDynos(store, actual);
    const currentZones = new Map<string, string | null>();
    for (const d of actual) if (d.state !== 'down') currentZones.set(`${d.appId}/${d.name}`, d.zone);
    settleReleasePhases(store, actual);
    const desired = [
      ...desiredDynos(store, { slugBlobs: this.#options.slugBlobs, readySpaces, currentZones }),
      ...releasePhaseDynos(store, { slugBlobs: this.#options.slugBlobs, readySpaces }),
      ...desiredOneOffDynos(store, { slugBlobs: this.#options.slugBlobs, readySpaces }),
    ];
    const desiredIds = new Set(desired.map((d) => d.id));
    const actualById = new Map(actual.map((d) => [d.id, d]));
    const startNow = new Set(dynosToStart(desired, actual).map((d) => d.id));

    for (const spec of desired) {
      this.#specs.set(spec.id, spec);
      if (actualById.has(spec.id) || !startNow.has(spec.id)) continue;
      try {
        await this.#runtime.startDyno(spec);
        markOneOffStarted(store, spec.id);
      } catch (error) {
        this.#reportOnce(`start ${spec.id}`, `Dyno ${spec.appName} ${spec.name} did not start`, error);
        continue;
      }
      this.#lastErrors.delete(`start ${spec.id}`);
    }
    actual = await this.#runtime.listDynos();
    const liveApps = new Set(store.tables.apps.select('').map((a) => a.id));
    for (const dyno of actual) {
      if (desiredIds.has(dyno.id)) continue;
      const zoneFailed = dyno.spaceId !== null && dyno.zone !== null && !(readySpaces.get(dyno.spaceId) ?? []).includes(dyno.zone);
      if (shouldStop(dyno, { desired, actual, liveApps, zoneFailed })) {
        try {
          if (await this.#retirer.retire(dyno)) this.#specs.delete(dyno.id);
        } catch (error) {
          this.#options.onError?.(`Dyno ${dyno.name} did not stop`, error);
        }
      }
    }
    for (const subject of this.#lastErrors.keys()) {
      if (subject.startsWith('start ') && !desiredIds.has(subject.slice(6))) this.#lastErrors.delete(subject);
    }
    const final = await this.#runtime.listDynos();
    this.#retirer.sweep(final);
    this.#writeDynos(final);
  }

  #writeDynos(actual: readonly DynoStatus[]): void {
    const store = this.#store;
    const observed = store.transaction(() => {
      const previous = new Map(store.tables.dynos.select('').map((d) => [d.id, d]));
      store.tables.dynos.delete('1 = 1');
      for (const d of actual) {
        const spec = this.#specs.get(d.id);
        const before = previous.get(d.id);
        const record: DynoRecord = {
          id: d.id,
          appId: d.appId,
          spaceId: d.spaceId,
          type: d.type,
          number: spec?.number ?? before?.number ?? Number(d.name.split('.')[1] ?? 0),
          name: d.name,
          releaseId: d.releaseId,
          size: spec?.size ?? before?.size ?? '',
          command: spec?.command ?? before?.command ?? '',
          state: d.state,
          zone: d.zone,
          privateIp: d.privateIp,
          port: d.port,
          createdAt: before?.createdAt ?? d.updatedAt,
          updatedAt: d.updatedAt,
        };
        store.tables.dynos.insert(record);
      }
      return observedKey([...previous.values()]) !== observedKey(actual);
    });
    if (observed) store.observed();
  }
}

/** What the data plane sees of dynos: which exist, where, in what state. */
function observedKey(dynos: readonly { id: string; state: string; privateIp: string | null; zone: string | null }[]): string {
  return dynos
    .map((d) => `${d.id} ${d.state} ${d.privateIp ?? '-'} ${d.zone ?? '-'}`)
    .sort()
    .join('\n');
}
