/**
 * The build runner of backends that confine nothing (the in-memory one of tests, `--runtime
 * none` started by a normal user): a step runs as the server's user, on the real paths behind
 * its mounts, with no namespaces.
 */
import { spawn } from 'node:child_process';
import { SANDBOX_PATH } from './build-runner.js';
export class HostBuildRunner {
    sandbox() {
        return {
            uid: process.getuid?.() ?? 0,
            gid: process.getgid?.() ?? 0,
            run: (step) => runOnHost(step),
        };
    }
}
function runOnHost(step) {
    const env = { PATH: SANDBOX_PATH, HOME: '/tmp/home', LANG: 'C.UTF-8', ...step.env };
    const real = (path) => {
        const m = [...step.mounts].sort((a, b) => b.at.length - a.at.length).find((x) => path === x.at || path.startsWith(`${x.at}/`));
        return m === undefined ? path : m.host + path.slice(m.at.length);
    };
    for (const key of Object.keys(env))
        env[key] = real(env[key] ?? '');
    env['HOME'] = real(step.cwd);
    return spawnStep(real(step.argv[0] ?? ''), step.argv.slice(1).map(real), real(step.cwd), env, step);
}
/** Runs one step's process, collecting stdout (up to 1 MiB) and streaming its output. */
export function spawnStep(file, args, cwd, env, step) {
    return new Promise((resolve) => {
        const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
        }, step.timeoutMs ?? 900_000);
        child.stdout.on('data', (d) => {
            const text = d.toString('utf8');
            if (stdout.length < 1024 * 1024)
                stdout += text;
            step.output?.(text);
        });
        child.stderr.on('data', (d) => step.output?.(d.toString('utf8')));
        child.on('error', (error) => {
            step.output?.(`${error.message}\n`);
        });
        child.on('close', (code) => {
            clearTimeout(timer);
            resolve({ exitCode: code ?? 137, stdout, timedOut });
        });
    });
}
//# sourceMappingURL=host-build-runner.js.map