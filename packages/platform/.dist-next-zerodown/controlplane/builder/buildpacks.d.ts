/** The built-in buildpacks, in detection order, with the names that select them. */
export declare const BUILTIN_BUILDPACKS: readonly [{
    readonly name: "heroku/nodejs";
    readonly aliases: readonly ["nodejs", "cove/nodejs", "heroku/node"];
    readonly dir: "nodejs";
}, {
    readonly name: "cove/procfile";
    readonly aliases: readonly ["procfile", "heroku/procfile"];
    readonly dir: "procfile";
}];
export interface ResolvedBuildpack {
    /** What the user gave (or the built-in's name). */
    readonly url: string;
    readonly name: string;
    readonly dir: string;
}
export declare class BuildpackError extends Error {
    constructor(message: string);
}
export declare function builtinBuildpacks(): ResolvedBuildpack[];
/** The display name Heroku's API gives a buildpack URL. */
export declare function buildpackName(url: string): string;
/** Checks a buildpack URL without fetching it; returns a reason it cannot be used, or null. */
export declare function buildpackProblem(url: string): string | null;
/** Finds or fetches a buildpack; git repositories are cloned once into `cacheDir`. */
export declare function resolveBuildpack(url: string, cacheDir: string): Promise<ResolvedBuildpack>;
