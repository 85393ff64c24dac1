/**
 * Config vars: a change sets and unsets keys (null unsets) and, if anything changed, makes a
 * release ("Set FOO, BAR config vars"); the heroku CLI needs one after `config:set`.
 */
import { InvalidParamsError } from '../../shared/errors.js';
import { createRelease } from './releases.js';
import { manageableApp } from './access.js';
const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Applies a config-var change to an app; returns the app's config vars afterwards. */
export function updateConfigVars(store, actor, nameOrId, changes) {
    const app = manageableApp(store, actor, nameOrId);
    const set = [];
    const removed = [];
    const config = { ...app.config };
    for (const [key, value] of Object.entries(changes)) {
        if (!KEY.test(key) || key.length > 256) {
            throw new InvalidParamsError(`Config var key "${key}" is invalid: use letters, digits and underscores, not starting with a digit.`);
        }
        if (value === null) {
            if (key in config) {
                delete config[key];
                removed.push(key);
            }
        }
        else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
            if (String(value).length > 32768)
                throw new InvalidParamsError(`Config var ${key} is too long (maximum is 32 KB).`);
            if (config[key] !== String(value))
                set.push(key);
            config[key] = String(value);
        }
        else {
            throw new InvalidParamsError(`Config var ${key} must be a string, or null to unset it.`);
        }
    }
    if (set.length === 0 && removed.length === 0)
        return app.config;
    const parts = [];
    if (set.length > 0)
        parts.push(`Set ${set.join(', ')}`);
    if (removed.length > 0)
        parts.push(`${set.length > 0 ? 'remove' : 'Remove'} ${removed.join(', ')}`);
    createRelease(store, app, actor, {
        description: `${parts.join(', ')} config vars`,
        slugId: store.releases.current(app.id)?.slugId ?? null,
        config,
    });
    return config;
}
//# sourceMappingURL=config-vars.js.map