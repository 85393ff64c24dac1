/**
 * Heroku's dyno sizes and the resources each grants. Private-* sizes run only in spaces;
 * Shield-* are their Shield-space aliases (the heroku CLI sends Private-* for them).
 */
import { InvalidParamsError } from './errors.js';
const SIZES = [
    { name: 'Eco', memoryMb: 512, cpuPercent: 100, pids: 256, private: false },
    { name: 'Basic', memoryMb: 512, cpuPercent: 100, pids: 256, private: false },
    { name: 'Standard-1X', memoryMb: 512, cpuPercent: 100, pids: 256, private: false },
    { name: 'Standard-2X', memoryMb: 1024, cpuPercent: 200, pids: 512, private: false },
    { name: 'Performance-M', memoryMb: 2560, cpuPercent: 200, pids: 16384, private: false },
    { name: 'Performance-L', memoryMb: 14336, cpuPercent: 800, pids: 32768, private: false },
    { name: 'Private-S', memoryMb: 1024, cpuPercent: 200, pids: 512, private: true },
    { name: 'Private-M', memoryMb: 2560, cpuPercent: 200, pids: 16384, private: true },
    { name: 'Private-L', memoryMb: 14336, cpuPercent: 800, pids: 32768, private: true },
];
/** The size for a name, case-insensitively (`Shield-M` → `Private-M`, `1X` → `Standard-1X`). */
export function findDynoSize(name) {
    let wanted = name.trim().toLowerCase().replace(/^shield-/, 'private-');
    if (wanted === '1x' || wanted === '2x')
        wanted = `standard-${wanted}`;
    return SIZES.find((s) => s.name.toLowerCase() === wanted);
}
/** The size name a new process type gets. */
export function defaultDynoSize(inSpace) {
    return inSpace ? 'Private-S' : 'Standard-1X';
}
/** Validates a size for an app in (or outside) a space; returns its canonical name. */
export function validateDynoSize(value, inSpace) {
    const size = typeof value === 'string' ? findDynoSize(value) : undefined;
    if (size === undefined) {
        throw new InvalidParamsError(`Size "${String(value)}" is not a valid dyno size. Valid sizes: ${SIZES.map((s) => s.name).join(', ')}.`);
    }
    if (inSpace && !size.private) {
        throw new InvalidParamsError(`Apps in a Private Space run Private dynos: use Private-S, Private-M or Private-L, not ${size.name}.`);
    }
    if (!inSpace && size.private) {
        throw new InvalidParamsError(`${size.name} dynos are only available to apps in a Private Space.`);
    }
    return size;
}
/** The size's limits, for the runtime; unknown names fall back to the smallest. */
export function sizeLimits(name) {
    const size = findDynoSize(name) ?? SIZES[0];
    return { memoryMb: size?.memoryMb ?? 512, pids: size?.pids ?? 256, cpuPercent: size?.cpuPercent ?? 100 };
}
//# sourceMappingURL=dyno-sizes.js.map