import { desiredDynos } from './desired-dynos.js';
import { DynoRetirer } from './dyno-retirer.js';
import { desiredOneOffDynos, settleOneOffDynos } from './one-off-dynos.js';
import { failUnstartableReleasePhase, releasePhaseDynos, settleReleasePhases } from './release-phase.js';
import { CONVERGED } from './resource-reconciler.js';
import { ResourceFailures } from './resource-failures.js';
import { dynosToStart, shouldStop } from './rolling-plan.js';
export class DynoReconciler {
    name = 'dynos';
    after;
    #store;
    #runtime;
    #spaces;
    #options;
    #retirer;
    #failures;
    /** Dynos that did not stop when retired, backing off like starts do. */
    #stopFailures = new ResourceFailures();
    #appLog;
    /** Specs of dynos this process started or adopted, for what the runtime does not report. */
    #specs = new Map();
    /** When each desired dyno failed to start for good (it shows `crashed` from then). */
    #crashedAt = new Map();
    constructor(store, runtime, spaces, options) {
        this.#store = store;
        this.#runtime = runtime;
        this.#spaces = spaces;
        this.after = [spaces];
        this.#options = options;
        this.#retirer = new DynoRetirer(store, runtime, { drainTimeoutMs: options.drainTimeoutMs ?? null });
        this.#failures = options.failures ?? new ResourceFailures();
        this.#appLog =
            options.appLog ??
                ((line) => {
                    store.appendLog({ appId: line.appId, time: new Date().toISOString(), source: line.source, dyno: line.dyno, message: line.message });
                });
    }
    async reconcile() {
        const store = this.#store;
        const readySpaces = this.#spaces.readySpaces;
        let actual = await this.#runtime.listDynos();
        settleOneOffDynos(store.oneOffDynos, actual);
        const currentZones = new Map();
        for (const d of actual)
            if (d.state !== 'down')
                currentZones.set(`${d.appId}/${d.name}`, d.zone);
        settleReleasePhases(store, actual);
        const slugBlobs = this.#options.slugBlobs;
        const desired = [
            ...desiredDynos(store, { slugBlobs, readySpaces, currentZones }),
            ...releasePhaseDynos(store, { slugBlobs, readySpaces }),
            ...desiredOneOffDynos(store, { slugBlobs, readySpaces }),
        ];
        const desiredIds = new Set(desired.map((d) => d.id));
        const actualById = new Map(actual.map((d) => [d.id, d]));
        const startNow = new Set(dynosToStart(desired, actual).map((d) => d.id));
        for (const spec of desired) {
            this.#specs.set(spec.id, spec);
            if (actualById.has(spec.id) || !startNow.has(spec.id) || this.#failures.waiting(spec.id))
                continue;
            try {
                await this.#runtime.startDyno(spec);
                store.oneOffDynos.markStarted(spec.id);
                this.#failures.succeeded(spec.id);
            }
            catch (error) {
                this.#startFailed(spec, error);
            }
        }
        this.#failures.retain(desiredIds);
        for (const id of this.#crashedAt.keys())
            if (!desiredIds.has(id))
                this.#crashedAt.delete(id);
        actual = await this.#runtime.listDynos();
        const liveApps = new Set(store.apps.list().map((a) => a.id));
        for (const dyno of actual) {
            if (desiredIds.has(dyno.id) || this.#stopFailures.waiting(dyno.id))
                continue;
            const zoneFailed = dyno.spaceId !== null && dyno.zone !== null && !(readySpaces.get(dyno.spaceId) ?? []).includes(dyno.zone);
            if (shouldStop(dyno, { desired, actual, liveApps, zoneFailed })) {
                try {
                    if (await this.#retirer.retire(dyno))
                        this.#specs.delete(dyno.id);
                    this.#stopFailures.succeeded(dyno.id);
                }
                catch (error) {
                    if (this.#stopFailures.failed(dyno.id, error).isNew)
                        this.#options.onError?.(`Dyno ${dyno.name} did not stop`, error);
                }
            }
        }
        this.#stopFailures.retain(new Set(actual.map((d) => d.id)));
        const final = await this.#runtime.listDynos();
        const finalIds = new Set(final.map((d) => d.id));
        for (const id of this.#specs.keys())
            if (!desiredIds.has(id) && !finalIds.has(id))
                this.#specs.delete(id);
        this.#retirer.sweep(final);
        this.#writeDynos(final, desired);
        const retries = [this.#failures.nextRetryInMs(), this.#stopFailures.nextRetryInMs()].filter((ms) => ms !== null);
        return retries.length === 0 ? CONVERGED : { retryInMs: Math.min(...retries) };
    }
    #startFailed(spec, error) {
        const verdict = this.#failures.failed(spec.id, error);
        if (verdict.isNew)
            this.#options.onError?.(`Dyno ${spec.appName} ${spec.name} did not start${verdict.permanent ? '' : ' (retrying)'}`, error);
        if (!verdict.permanent || this.#crashedAt.has(spec.id))
            return;
        this.#crashedAt.set(spec.id, new Date().toISOString());
        // The app's owner sees why, in the app's own log, as Heroku shows a dyno that cannot boot.
        this.#appLog({ appId: spec.appId, source: 'heroku', dyno: spec.name, message: `Starting process with command \`${spec.command}\`` });
        this.#appLog({ appId: spec.appId, source: 'heroku', dyno: spec.name, message: `Error starting process: ${verdict.message}` });
        this.#appLog({ appId: spec.appId, source: 'heroku', dyno: spec.name, message: 'State changed from starting to crashed' });
        failUnstartableReleasePhase(this.#store, spec);
        // A one-off dyno that cannot start has ended: its record goes (a no-op for other dynos).
        this.#store.oneOffDynos.remove(spec.id);
    }
    /** Writes what runs, plus desired dynos that failed to start for good (as `crashed`), to the store. */
    #writeDynos(actual, desired) {
        const store = this.#store;
        const previous = new Map(store.dynos.list().map((d) => [d.id, d]));
        const records = [];
        const names = new Set();
        for (const d of actual) {
            const spec = this.#specs.get(d.id);
            const before = previous.get(d.id);
            names.add(`${d.appId}/${d.name}`);
            records.push({
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
            });
        }
        for (const spec of desired) {
            const crashedAt = this.#crashedAt.get(spec.id);
            // An older dyno of the same name still serving (a stalled roll) is what `ps` should show.
            if (crashedAt === undefined || names.has(`${spec.appId}/${spec.name}`))
                continue;
            records.push({
                id: spec.id,
                appId: spec.appId,
                spaceId: spec.spaceId,
                type: spec.type,
                number: spec.number,
                name: spec.name,
                releaseId: spec.releaseId,
                size: spec.size,
                command: spec.command,
                state: 'crashed',
                zone: spec.zone,
                privateIp: null,
                port: null,
                createdAt: previous.get(spec.id)?.createdAt ?? crashedAt,
                updatedAt: crashedAt,
            });
        }
        store.dynos.replaceObserved(records);
        if (observedKey([...previous.values()]) !== observedKey(records))
            store.observed();
    }
}
/** What the data plane sees of dynos: which exist, where, in what state. */
function observedKey(dynos) {
    return dynos
        .map((d) => `${d.id} ${d.state} ${d.privateIp ?? '-'} ${d.zone ?? '-'}`)
        .sort()
        .join('\n');
}
//# sourceMappingURL=dyno-reconciler.js.map