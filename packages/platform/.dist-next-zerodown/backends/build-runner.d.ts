/**
 * Where build steps run (unpacking the source, a buildpack's detect/compile/release): the
 * builder describes each step in terms of fixed paths under /tmp (`/tmp/build`, `/tmp/cache`,
 * as on Heroku) and the backend's runner decides how those are provided and how the step is
 * confined.
 */
/** A host directory the step sees at `at` (an absolute path under /tmp). */
export interface SandboxMount {
    readonly host: string;
    readonly at: string;
    readonly readOnly?: boolean;
}
export interface SandboxStep {
    readonly mounts: readonly SandboxMount[];
    /** The command, in terms of the mounted paths. */
    readonly argv: readonly string[];
    readonly cwd: string;
    readonly env: Readonly<Record<string, string>>;
    /** Where the step's stdout and stderr go, as they come. */
    readonly output?: (text: string) => void;
    /** Kills the step after this long. @default 900000 (Heroku's 15 minutes) */
    readonly timeoutMs?: number;
}
export interface StepResult {
    readonly exitCode: number;
    readonly stdout: string;
    readonly timedOut: boolean;
}
/** The steps of one build. */
export interface BuildSandbox {
    /** The user and group steps run as: the build's directories are handed to them. */
    readonly uid: number;
    readonly gid: number;
    run(step: SandboxStep): Promise<StepResult>;
}
export interface BuildRunner {
    /** A sandbox for one build; `stageDir` is an empty directory outside /tmp the runner may use. */
    sandbox(stageDir: string): BuildSandbox;
}
/** PATH inside a build step. */
export declare const SANDBOX_PATH = "/usr/local/bin:/usr/bin:/bin";
