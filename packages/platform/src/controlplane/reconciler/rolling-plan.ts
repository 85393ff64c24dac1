/**
 * Which dynos the reconciler starts and stops, and when (pure: data in, decisions out).
 *
 * Apps in a space roll: each process type is replaced 25 % at a time (rounded up), and an old
 * dyno is stopped only once its replacement (the desired dyno of the same name) is `up`, so a
 * formation of N never has fewer than N dynos serving while it rolls (a one-dyno app starts
 * its new dyno, then stops the old one). Deploys, config changes, rollbacks and restarts all
 * give dynos new ids, so they all roll the same way. A roll stalls, with the old dynos still
 * serving, while a replacement does not come up.
 *
 * Apps outside a space are replaced all at once, each old dyno kept until its replacement has
 * left `starting`. In both cases dynos that add capacity (a new dyno number, or one whose old
 * dyno is not serving) start at once, and old dynos that are not `up`, that belong to a
 * destroyed app or a failed zone, or that nothing replaces, stop at once.
 */
import type { DynoSpec, DynoStatus } from '../../backends/runtime.js';

/** The share of a process type replaced at a time while rolling. */
export const ROLLING_FRACTION = 0.25;

function groupKey(d: { appId: string; type: string }): string {
  return `${d.appId}/${d.type}`;
}

function nameKey(d: { appId: string; name: string }): string {
  return `${d.appId}/${d.name}`;
}

/** How many dynos of a formation of `quantity` are replaced at once. */
export function rollingBatchSize(quantity: number): number {
  return Math.max(1, Math.ceil(quantity * ROLLING_FRACTION));
}

/** The desired dynos that are not running and may start now. */
export function dynosToStart(desired: readonly DynoSpec[], actual: readonly DynoStatus[]): DynoSpec[] {
  const desiredIds = new Set(desired.map((d) => d.id));
  const actualById = new Map(actual.map((d) => [d.id, d]));
  /** Names whose old (undesired) dyno is serving: starting their replacement is a roll step. */
  const servingOld = new Set(actual.filter((d) => !desiredIds.has(d.id) && d.state === 'up').map(nameKey));
  const groups = new Map<string, DynoSpec[]>();
  for (const spec of desired) groups.set(groupKey(spec), [...(groups.get(groupKey(spec)) ?? []), spec]);
  const start: DynoSpec[] = [];
  for (const specs of groups.values()) {
    const missing = specs.filter((s) => !actualById.has(s.id)).sort((a, b) => a.number - b.number);
    if (specs[0]?.spaceId == null) {
      start.push(...missing);
      continue;
    }
    const batch = rollingBatchSize(specs.length);
    let inFlight = specs.filter((s) => {
      const status = actualById.get(s.id);
      return status !== undefined && status.state !== 'up' && servingOld.has(nameKey(s));
    }).length;
    for (const spec of missing) {
      if (!servingOld.has(nameKey(spec))) {
        start.push(spec);
      } else if (inFlight < batch) {
        start.push(spec);
        inFlight++;
      }
    }
  }
  return start;
}

/** Whether a running dyno that is no longer desired should stop now. */
export function shouldStop(
  dyno: DynoStatus,
  context: {
    readonly desired: readonly DynoSpec[];
    readonly actual: readonly DynoStatus[];
    /** Apps that still exist. */
    readonly liveApps: ReadonlySet<string>;
    /** The dyno's zone has failed (it cannot serve). */
    readonly zoneFailed: boolean;
  },
): boolean {
  if (!context.liveApps.has(dyno.appId) || context.zoneFailed || dyno.state !== 'up') return true;
  const desiredIds = new Set(context.desired.map((d) => d.id));
  const replacements = context.actual.filter((d) => desiredIds.has(d.id) && nameKey(d) === nameKey(dyno));
  if (dyno.spaceId === null) return replacements.length === 0 || replacements.some((d) => d.state !== 'starting');
  const wanted = context.desired.some((d) => nameKey(d) === nameKey(dyno));
  return !wanted || replacements.some((d) => d.state === 'up');
}
