/**
 * Where build steps run (unpacking the source, a buildpack's detect/compile/release): the
 * builder describes each step in terms of fixed paths under /tmp (`/tmp/build`, `/tmp/cache`,
 * as on Heroku) and the backend's runner decides how those are provided and how the step is
 * confined.
 */
/** PATH inside a build step. */
export const SANDBOX_PATH = '/usr/local/bin:/usr/bin:/bin';
//# sourceMappingURL=build-runner.js.map