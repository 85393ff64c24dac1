/**
 * Builds and an app's buildpack list. The builder (controlplane/builder) runs builds; this
 * module holds what the API and the builder agree on (BuildService, which the builder
 * implements, so the API never imports the builder) and the rules of the buildpack list.
 */
import { InvalidParamsError, NotFoundError } from '../../shared/errors.js';
import { buildpackProblem } from '../builder/buildpacks.js';
/** The app's build; 404 when it has none with that id. */
export function findBuild(store, app, buildId) {
    const build = store.builds.byIdOfApp(app.id, buildId);
    if (build === undefined)
        throw new NotFoundError('build', buildId);
    return build;
}
/** Checks a buildpack URL or name (`heroku/nodejs`); returns it, or a 422 saying what is wrong. */
export function checkBuildpack(value) {
    const problem = buildpackProblem(value);
    if (problem !== null)
        throw new InvalidParamsError(problem);
    return value;
}
/** Replaces the app's buildpack list (empty: detect); each buildpack at most once. */
export function setBuildpacks(store, app, urls) {
    for (const url of urls)
        checkBuildpack(url);
    if (new Set(urls).size !== urls.length)
        throw new InvalidParamsError('A buildpack can appear only once in the list.');
    store.builds.setBuildpacks(app.id, urls);
}
//# sourceMappingURL=builds.js.map