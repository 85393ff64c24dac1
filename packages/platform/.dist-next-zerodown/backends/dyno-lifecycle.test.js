import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { restartBackoffMs } from '../shared/supervised-process.js';
import { DynoLifecycle, initialLifecycleState } from './dyno-lifecycle.js';
const T0 = Date.UTC(2026, 0, 1);
function spec(overrides = {}) {
    return {
        command: 'npm start',
        listens: true,
        restart: 'always',
        bootTimeoutSeconds: 60,
        limits: { memoryMb: 512, pids: 256, cpuPercent: 100 },
        ...overrides,
    };
}
function lines(effects) {
    return effects.flatMap((e) => (e.type === 'log' ? [e.message] : e.type === 'signal' ? [`<${e.signal}>`] : [`<changed ${e.from}->${e.to}>`]));
}
/** A lifecycle launched at `at` (the way a backend starts a dyno). */
function launched(overrides = {}, at = T0) {
    const state = initialLifecycleState(at);
    const lifecycle = new DynoLifecycle(spec(overrides), state);
    const log = [...lines(lifecycle.launching(at)), ...lines(lifecycle.launched(at))];
    return { lifecycle, state, log };
}
describe('restartBackoffMs (a crashed dyno\'s back-off)', () => {
    test('is immediate first, then doubles from 1 s, capped at 60 s', () => {
        assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 20].map(restartBackoffMs), [0, 1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
        assert.equal(restartBackoffMs(-1), 0);
    });
});
describe('DynoLifecycle', () => {
    test('a web dyno starts, and is up once it binds $PORT', () => {
        const { lifecycle, state, log } = launched();
        assert.deepEqual(log, ['Starting process with command `npm start`']);
        assert.equal(state.launch, 1);
        assert.equal(lifecycle.state, 'starting');
        assert.ok(lifecycle.supervised);
        assert.ok(lifecycle.awaitingBind);
        assert.deepEqual(lines(lifecycle.bound(T0 + 500)), ['State changed from starting to up', '<changed starting->up>']);
        assert.equal(state.upAt, T0 + 500);
        assert.equal(state.updatedAt, new Date(T0 + 500).toISOString());
        assert.ok(!lifecycle.awaitingBind);
        assert.ok(lifecycle.supervised);
    });
    test('a dyno that does not listen is up as soon as it is launched', () => {
        const { lifecycle, state, log } = launched({ listens: false });
        assert.deepEqual(log, ['Starting process with command `npm start`', 'State changed from starting to up', '<changed starting->up>']);
        assert.ok(!lifecycle.awaitingBind);
        assert.equal(state.upAt, null);
        // The first supervision step notes when it came up.
        lifecycle.running(T0 + 200);
        assert.equal(state.upAt, T0 + 200);
    });
    test('R10: past the boot timeout, once per launch, the process is killed', () => {
        const { lifecycle } = launched({ bootTimeoutSeconds: 1 });
        assert.deepEqual(lifecycle.notBound(T0 + 1000), [], 'exactly at the timeout is still in time');
        assert.deepEqual(lines(lifecycle.notBound(T0 + 1001)), [
            'Error R10 (Boot timeout) -> Web process failed to bind to $PORT within 1 seconds of launch',
            'Stopping process with SIGKILL',
            '<SIGKILL>',
        ]);
        assert.deepEqual(lifecycle.notBound(T0 + 2000), [], 'reported once');
        // The kill makes it exit: crashed, restarted at once, and R10 can fire again for the new launch.
        assert.deepEqual(lines(lifecycle.exited(T0 + 2100, 137, false)), [
            'Process exited with status 137',
            '<SIGKILL>',
            'State changed from starting to crashed',
            '<changed starting->crashed>',
        ]);
        assert.ok(lifecycle.restartDue(T0 + 2100));
        assert.deepEqual(lines(lifecycle.restarting(T0 + 2100)), ['State changed from crashed to starting', '<changed crashed->starting>']);
        lifecycle.launching(T0 + 2100);
        assert.equal(lines(lifecycle.notBound(T0 + 3101))[0]?.startsWith('Error R10'), true);
    });
    test('crash restarts back off 0, 1, 2, 4 s… and start over after 60 s up', () => {
        const { lifecycle, state } = launched({ listens: false });
        let now = T0;
        const delays = [];
        for (let i = 0; i < 9; i++) {
            now += 1000;
            lifecycle.exited(now, 1, false);
            assert.equal(lifecycle.state, 'crashed');
            assert.equal(state.exitCode, 1);
            const at = state.nextRestartAt;
            assert.ok(at !== null);
            delays.push(at - now);
            assert.equal(lifecycle.restartDue(at - 1), false);
            assert.equal(lifecycle.restartDue(at), true);
            now = at;
            lifecycle.restarting(now);
            lifecycle.launching(now);
            assert.equal(state.nextRestartAt, null);
            assert.equal(state.exitCode, null);
            lifecycle.launched(now);
        }
        assert.deepEqual(delays, [0, 1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000]);
        assert.equal(state.launch, 10);
        // Up for a minute: the next crash restarts at once again.
        lifecycle.running(now);
        now += 60_000;
        lifecycle.exited(now, 1, false);
        assert.equal(state.nextRestartAt, now);
        assert.equal(state.restarts, 1);
    });
    test('up for less than a minute keeps the back-off growing', () => {
        const { lifecycle, state } = launched({ listens: false });
        lifecycle.running(T0);
        lifecycle.exited(T0 + 59_999, 1, false);
        lifecycle.restarting(T0 + 59_999);
        lifecycle.launching(T0 + 59_999);
        lifecycle.launched(T0 + 59_999);
        lifecycle.running(T0 + 59_999);
        lifecycle.exited(T0 + 70_000, 1, false);
        assert.equal(state.nextRestartAt, T0 + 71_000);
    });
    test('restart "never": a clean exit is down, a failure crashed, and neither restarts', () => {
        const clean = launched({ listens: false, restart: 'never' });
        assert.deepEqual(lines(clean.lifecycle.exited(T0 + 10, 0, false)), ['Process exited with status 0', '<SIGKILL>', 'State changed from up to down', '<changed up->down>']);
        assert.equal(clean.state.nextRestartAt, null);
        assert.ok(!clean.lifecycle.restartDue(T0 + 1_000_000));
        assert.ok(!clean.lifecycle.supervised);
        const failed = launched({ listens: false, restart: 'never' });
        assert.deepEqual(lines(failed.lifecycle.exited(T0 + 10, 2, false)).slice(2, 3), ['State changed from up to crashed']);
        assert.ok(!failed.lifecycle.restartDue(T0 + 1_000_000));
    });
    test('an exit with an unknown status (the process vanished) logs no status line', () => {
        const { lifecycle, state } = launched({ listens: false });
        assert.deepEqual(lines(lifecycle.exited(T0 + 10, -1, false)), ['<SIGKILL>', 'State changed from up to crashed', '<changed up->crashed>']);
        assert.equal(state.exitCode, -1);
    });
    test('a clean exit of a dyno restarted "always" is crashed too (Heroku restarts it)', () => {
        const { lifecycle } = launched({ listens: false });
        lifecycle.exited(T0 + 10, 0, false);
        assert.equal(lifecycle.state, 'crashed');
    });
    test('R14 is logged when memory is over the quota, at most every 20 s, sampled every second', () => {
        const { lifecycle } = launched({ listens: false, limits: { memoryMb: 100, pids: 64, cpuPercent: 100 } });
        const mb = 1024 * 1024;
        assert.deepEqual(lifecycle.running(T0 + 1000), { sampleMemory: true });
        assert.deepEqual(lifecycle.running(T0 + 1999), { sampleMemory: false });
        assert.deepEqual(lifecycle.memoryUsed(T0 + 1000, 100 * mb), [], 'at the quota is fine');
        assert.deepEqual(lifecycle.memoryUsed(T0 + 1000, null), [], 'unknown usage');
        assert.deepEqual(lines(lifecycle.memoryUsed(T0 + 20_000, 150 * mb)), ['Process running mem=150M(150.0%)', 'Error R14 (Memory quota exceeded)']);
        assert.deepEqual(lifecycle.memoryUsed(T0 + 39_999, 150 * mb), []);
        assert.deepEqual(lines(lifecycle.memoryUsed(T0 + 40_000, 101 * mb)), ['Process running mem=101M(101.0%)', 'Error R14 (Memory quota exceeded)']);
        assert.deepEqual(lifecycle.running(T0 + 2000), { sampleMemory: true });
    });
    test('R15: an OOM-killed dyno reports it before its exit and is restarted', () => {
        const { lifecycle } = launched({ listens: false });
        assert.deepEqual(lines(lifecycle.exited(T0 + 5000, 137, true)), [
            'Error R15 (Memory quota vastly exceeded)',
            'Stopping process with SIGKILL',
            'Process exited with status 137',
            '<SIGKILL>',
            'State changed from up to crashed',
            '<changed up->crashed>',
        ]);
        assert.ok(lifecycle.restartDue(T0 + 5000));
    });
    test('a graceful stop: SIGTERM, the processes exit, the status is logged, down', () => {
        const { lifecycle, state } = launched();
        lifecycle.bound(T0 + 100);
        lifecycle.stopRequested();
        assert.ok(state.stopping);
        assert.ok(!lifecycle.supervised);
        assert.ok(!lifecycle.restartDue(Number.MAX_SAFE_INTEGER));
        assert.deepEqual(lines(lifecycle.stopBegins(T0 + 1000, true, 30)), ['Stopping all processes with SIGTERM', '<SIGTERM>']);
        assert.deepEqual(lifecycle.stopWait(T0 + 1050, true), { progress: 'waiting', effects: [] });
        assert.deepEqual(lifecycle.stopWait(T0 + 1100, false), { progress: 'exited', effects: [] });
        assert.deepEqual(lines(lifecycle.stopped(T0 + 1200, 143)), ['Process exited with status 143', 'State changed from up to down', '<changed up->down>']);
    });
    test('R12: processes still running when the grace period ends are killed', () => {
        const { lifecycle } = launched({ listens: false });
        lifecycle.stopRequested();
        lifecycle.stopBegins(T0, true, 2);
        assert.equal(lifecycle.stopWait(T0 + 1999, true).progress, 'waiting');
        const wait = lifecycle.stopWait(T0 + 2000, true);
        assert.equal(wait.progress, 'killed');
        assert.deepEqual(lines(wait.effects), [
            'Error R12 (Exit timeout) -> At least one process failed to exit within 2 seconds of SIGTERM',
            'Stopping remaining processes with SIGKILL',
            '<SIGKILL>',
        ]);
        assert.deepEqual(lines(lifecycle.stopped(T0 + 2100, null)), ['State changed from up to down', '<changed up->down>']);
    });
    test('stopping a dyno with nothing running logs only the state change, once', () => {
        const { lifecycle } = launched({ listens: false });
        lifecycle.exited(T0 + 10, 0, false);
        lifecycle.stopRequested();
        assert.deepEqual(lifecycle.stopBegins(T0 + 20, false, 30), []);
        assert.deepEqual(lines(lifecycle.stopped(T0 + 20, null)), ['State changed from crashed to down', '<changed crashed->down>']);
        assert.deepEqual(lifecycle.stopped(T0 + 30, null), []);
    });
    test('a zone failure takes the dyno down; its recovery brings it back starting, with a new boot clock', () => {
        const { lifecycle, state } = launched();
        lifecycle.bound(T0 + 100);
        assert.deepEqual(lines(lifecycle.zoneHealth(T0 + 1000, false)), ['State changed from up to down', '<changed up->down>']);
        assert.ok(state.zoneDown);
        assert.ok(lifecycle.supervised, 'its process is still watched');
        assert.ok(!lifecycle.awaitingBind);
        assert.deepEqual(lifecycle.zoneHealth(T0 + 1500, false), [], 'already down');
        assert.deepEqual(lines(lifecycle.zoneHealth(T0 + 5000, true)), ['State changed from down to starting', '<changed down->starting>']);
        assert.equal(state.launchedAt, T0 + 5000);
        assert.ok(!state.zoneDown);
        assert.ok(lifecycle.awaitingBind);
        assert.deepEqual(lifecycle.zoneHealth(T0 + 6000, true), [], 'healthy and not zone-down: nothing');
    });
    test('a worker comes back up (not starting) when its zone recovers', () => {
        const { lifecycle } = launched({ listens: false });
        lifecycle.zoneHealth(T0 + 1000, false);
        assert.deepEqual(lines(lifecycle.zoneHealth(T0 + 2000, true)), ['State changed from down to up', '<changed down->up>']);
    });
    test('an exit while its zone is down crashes it and clears the zone flag', () => {
        const { lifecycle, state } = launched({ listens: false });
        lifecycle.zoneHealth(T0 + 1000, false);
        lifecycle.exited(T0 + 2000, 1, false);
        assert.equal(lifecycle.state, 'crashed');
        assert.ok(!state.zoneDown);
        assert.deepEqual(lifecycle.zoneHealth(T0 + 3000, true), [], 'no comeback for a crashed dyno');
    });
    test('a crashed or down dyno is not zone-failed', () => {
        const { lifecycle, state } = launched({ listens: false, restart: 'never' });
        lifecycle.exited(T0 + 10, 0, false);
        assert.deepEqual(lifecycle.zoneHealth(T0 + 20, false), []);
        assert.ok(!state.zoneDown);
    });
    test('the state survives a new lifecycle over the same persisted object (a new control plane adopts it)', () => {
        const { lifecycle, state } = launched({ listens: false });
        lifecycle.exited(T0 + 10, 1, false);
        lifecycle.restarting(T0 + 10);
        lifecycle.launching(T0 + 10);
        lifecycle.launched(T0 + 10);
        lifecycle.exited(T0 + 20, 1, false);
        const copy = JSON.parse(JSON.stringify(state));
        const adopted = new DynoLifecycle(spec({ listens: false }), copy);
        assert.equal(adopted.state, 'crashed');
        assert.ok(!adopted.restartDue(T0 + 20 + 999));
        assert.ok(adopted.restartDue(T0 + 20 + 1000));
    });
});
//# sourceMappingURL=dyno-lifecycle.test.js.map