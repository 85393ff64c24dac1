/**
 * Which dyno sits in which server slot of the serving HAProxy process, so that dynos joining and
 * leaving routing change the running process through its admin socket instead of starting a new
 * one. A process finishing after a reload cannot open new connections into a space (HAProxy
 * closes its network-namespace descriptors when told to finish), so every reload costs requests
 * that arrive on its keep-alive connections; dyno churn is the common change and needs none.
 *
 * Pure bookkeeping: `plan(feed)` says which commands turn the current slots into the feed's
 * servers, or that only a new process can (new backends, too few free slots); the router runs
 * them and reports back with `applied()`, `reloaded()` and `released()`. A slot whose dyno has
 * left is used again, so deploys and restarts do not use up a process's slots.
 */
import { appBackend, slotCount, slotName } from './haproxy-config.js';
import type { RouteFeed, RouteServer } from './route-feed.js';

export type Slot =
  | { readonly state: 'free' }
  /** Out of rotation with no request left, but HAProxy may still pool a connection to the old dyno. */
  | { readonly state: 'spent' }
  | { readonly state: 'serving'; readonly server: RouteServer }
  /** Out of rotation, waiting for its last requests to finish. */
  | { readonly state: 'draining'; readonly server: RouteServer };

/** `ServerSlots.snapshot()`: app id → its slots, in order. */
export type SavedSlots = readonly (readonly [string, readonly Slot[]])[];

export interface SlotPlan {
  /** Admin-socket commands for the serving process; null: a new process is needed. */
  readonly commands: readonly string[] | null;
  /** The slots the feed needs in a new process (servers first, then free slots). */
  readonly fresh: ReadonlyMap<string, readonly (RouteServer | null)[]>;
}

function freshSlots(servers: readonly RouteServer[]): (RouteServer | null)[] {
  return [...servers, ...Array<null>(slotCount(servers.length) - servers.length).fill(null)];
}

export class ServerSlots {
  /** appId → slots of the serving process. */
  #slots = new Map<string, Slot[]>();
  #pending: Map<string, Slot[]> | null = null;

  /** The slots of the serving process as the configuration renders them (null: empty or unused). */
  get layout(): ReadonlyMap<string, readonly (RouteServer | null)[]> {
    return new Map([...this.#slots].map(([appId, slots]) => [appId, slots.map((s) => (s.state === 'serving' ? s.server : null))]));
  }

  /** The lengths of the serving process's slots, all empty: what its configuration looks like without its servers. */
  get shape(): ReadonlyMap<string, readonly null[]> {
    return new Map([...this.#slots].map(([appId, slots]) => [appId, slots.map(() => null)]));
  }

  /** Dynos the serving process may send requests to (serving or draining). */
  get dynoIds(): string[] {
    return [...this.#slots.values()].flatMap((slots) => slots.flatMap((s) => (s.state === 'serving' || s.state === 'draining' ? [s.server.dynoId] : [])));
  }

  /** Draining slots, as `backend/server` names with their dyno ids. */
  get draining(): { readonly proxy: string; readonly server: string; readonly dynoId: string }[] {
    return [...this.#slots].flatMap(([appId, slots]) =>
      slots.flatMap((s, i) => (s.state === 'draining' ? [{ proxy: appBackend(appId), server: slotName(i), dynoId: s.server.dynoId }] : [])),
    );
  }

  /** Spent slots, as `backend/server` names: free again once HAProxy pools no connection of theirs. */
  get spent(): { readonly proxy: string; readonly server: string }[] {
    return [...this.#slots].flatMap(([appId, slots]) => slots.flatMap((s, i) => (s.state === 'spent' ? [{ proxy: appBackend(appId), server: slotName(i) }] : [])));
  }

  /** How to get from the serving process's slots to the feed's servers. */
  plan(feed: RouteFeed): SlotPlan {
    const fresh = new Map(feed.apps.map((a) => [a.appId, freshSlots(a.servers)]));
    const next = new Map<string, Slot[]>();
    // New dynos join before old ones leave, so a backend is never without a server.
    const joins: string[] = [];
    const leaves: string[] = [];
    for (const app of feed.apps) {
      const current = this.#slots.get(app.appId);
      // A backend the serving process does not have.
      if (current === undefined) return { commands: null, fresh };
      const slots = [...current];
      const wanted = new Map(app.servers.map((s) => [s.dynoId, s]));
      const proxy = appBackend(app.appId);
      for (const [i, slot] of slots.entries()) {
        if (slot.state !== 'serving') continue;
        const server = wanted.get(slot.server.dynoId);
        if (server !== undefined && server.address === slot.server.address && server.port === slot.server.port) {
          wanted.delete(slot.server.dynoId);
          continue;
        }
        slots[i] = { state: 'draining', server: slot.server };
        leaves.push(`set server ${proxy}/${slotName(i)} state maint`);
      }
      for (const server of wanted.values()) {
        const i = slots.findIndex((s) => s.state === 'free');
        if (i === -1) return { commands: null, fresh };
        slots[i] = { state: 'serving', server };
        // Health up before ready: a slot whose last dyno failed its checks must not start down.
        joins.push(
          `set server ${proxy}/${slotName(i)} addr ${server.address} port ${server.port}`,
          `set server ${proxy}/${slotName(i)} health up`,
          `set server ${proxy}/${slotName(i)} state ready`,
        );
      }
      next.set(app.appId, slots);
    }
    // Backends that went away need a new configuration too.
    for (const appId of this.#slots.keys()) if (!next.has(appId)) return { commands: null, fresh };
    this.#pending = next;
    return { commands: [...joins, ...leaves], fresh };
  }

  /** The serving process ran the last plan's commands. */
  applied(): void {
    if (this.#pending !== null) this.#slots = this.#pending;
    this.#pending = null;
  }

  /** A new process serves `slots` (its earlier dynos drain with the process it replaced). */
  reloaded(slots: ReadonlyMap<string, readonly (RouteServer | null)[]>): void {
    this.#slots = new Map([...slots].map(([appId, list]) => [appId, list.map((s): Slot => (s === null ? { state: 'free' } : { state: 'serving', server: s }))]));
    this.#pending = null;
  }

  /**
   * A draining or spent slot has no request left: its dyno has left routing. With no pooled
   * connection left either (HAProxy drops a server's idle connections when it goes into
   * maintenance), the slot can take another dyno; until then it is spent.
   */
  released(proxy: string, server: string, pooled: boolean): void {
    for (const [appId, slots] of this.#slots) {
      if (appBackend(appId) !== proxy) continue;
      const i = slots.findIndex((_, index) => slotName(index) === server);
      const state = slots[i]?.state;
      if (state === 'draining' || state === 'spent') slots[i] = pooled ? { state: 'spent' } : { state: 'free' };
    }
  }

  /** The slots as plain data, saved with the serving process for the next server to adopt. */
  snapshot(): SavedSlots {
    return [...this.#slots].map(([appId, slots]) => [appId, [...slots]]);
  }

  /** Takes the slots of an adopted process (`snapshot()` of the server that started it). */
  restore(saved: SavedSlots): void {
    this.#slots = new Map(saved.map(([appId, slots]) => [appId, [...slots]]));
    this.#pending = null;
  }

  /** Forgets everything (no process serves). */
  clear(): void {
    this.#slots = new Map();
    this.#pending = null;
  }
}
