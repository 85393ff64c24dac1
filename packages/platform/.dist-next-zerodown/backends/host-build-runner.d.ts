import { type BuildRunner, type BuildSandbox, type SandboxStep, type StepResult } from './build-runner.js';
export declare class HostBuildRunner implements BuildRunner {
    sandbox(): BuildSandbox;
}
/** Runs one step's process, collecting stdout (up to 1 MiB) and streaming its output. */
export declare function spawnStep(file: string, args: readonly string[], cwd: string, env: Record<string, string>, step: SandboxStep): Promise<StepResult>;
