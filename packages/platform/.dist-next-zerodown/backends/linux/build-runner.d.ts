import { type BuildRunner, type BuildSandbox } from '../build-runner.js';
export interface LinuxBuildRunnerOptions {
    /** Uid and gid build steps run as. @default 64610 */
    readonly uid?: number;
    readonly gid?: number;
}
export declare class LinuxBuildRunner implements BuildRunner {
    #private;
    constructor(options?: LinuxBuildRunnerOptions);
    sandbox(stageDir: string): BuildSandbox;
}
