/**
 * One-off dynos: `POST /apps/:app/dynos` (`heroku run`, `run:detached`, `cove run`) records a
 * one-off dyno at the app's current release; the reconciler starts it in the app's space, and
 * an attached one's session meets it at `attach_url` (`rendezvous://HOST:PORT/SECRET`, the
 * API's own address: the API listener hands TLS streams that are not HTTP to the rendezvous).
 * A release that is not ready yet is a 409, which the heroku CLI retries.
 */
import { dynoCreateBodySchema } from '@cove/schema';
import { InvalidParamsError } from '../../../shared/errors.js';
import { defaultDynoSize, validateDynoSize } from '../../../shared/dyno-sizes.js';
import { createOneOffDyno, MAX_TIME_TO_LIVE_SECONDS } from '../../domain/one-off-dynos.js';
import { manageableApp } from '../../domain/access.js';
import { bodyObject } from '../api-server.js';
import { appRef } from '../refs.js';
const PROCESS_TYPE = /^[a-zA-Z0-9_-]{1,30}$/;
function positiveInt(value) {
    const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    return typeof n === 'number' && Number.isInteger(n) && n > 0 && n < 10_000 ? n : null;
}
/** Validates the body of `POST /apps/:app/dynos`. */
export function parseOneOffRequest(body, inSpace) {
    const command = body['command'];
    if (typeof command !== 'string' || command.trim() === '')
        throw new InvalidParamsError('command must be a non-empty string.');
    const rawEnv = body['env'] ?? {};
    if (typeof rawEnv !== 'object' || rawEnv === null || Array.isArray(rawEnv))
        throw new InvalidParamsError('env must be an object of names and values.');
    const env = {};
    for (const [k, v] of Object.entries(rawEnv)) {
        if (v === undefined || v === null)
            continue;
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k))
            throw new InvalidParamsError(`Invalid environment variable name "${k}".`);
        env[k] = String(v);
    }
    const rawType = body['type'] ?? 'run';
    if (typeof rawType !== 'string')
        throw new InvalidParamsError('type must be a string.');
    // `run:detached` is Heroku's type for detached runs; both are `run` dynos.
    const type = rawType === 'run:detached' || rawType === '' ? 'run' : rawType;
    if (!PROCESS_TYPE.test(type))
        throw new InvalidParamsError(`Invalid process type "${rawType}".`);
    const attach = body['attach'] === true && rawType !== 'run:detached';
    const ttlRaw = body['time_to_live'];
    const timeToLiveSeconds = ttlRaw === undefined || ttlRaw === null ? MAX_TIME_TO_LIVE_SECONDS : Number(ttlRaw);
    if (!Number.isInteger(timeToLiveSeconds) || timeToLiveSeconds < 1 || timeToLiveSeconds > MAX_TIME_TO_LIVE_SECONDS) {
        throw new InvalidParamsError(`time_to_live must be a whole number of seconds from 1 to ${MAX_TIME_TO_LIVE_SECONDS}.`);
    }
    const size = body['size'] === undefined || body['size'] === null ? defaultDynoSize(inSpace) : validateDynoSize(body['size'], inSpace).name;
    return {
        type,
        command,
        size,
        env,
        attach,
        tty: attach && body['force_no_tty'] !== true,
        columns: positiveInt(env['COLUMNS']),
        lines: positiveInt(env['LINES']),
        timeToLiveSeconds,
    };
}
export function registerDynoRoutes(app, { store, options }) {
    app.post('/apps/:app/dynos', { schema: { body: dynoCreateBodySchema } }, async (request, reply) => {
        const record = manageableApp(store, request.user, request.params.app);
        const parsed = parseOneOffRequest(bodyObject(request), record.spaceId !== null);
        const { record: dyno, secret, release } = createOneOffDyno(store, record, parsed);
        const body = {
            id: dyno.id,
            name: dyno.name,
            type: parsed.type,
            command: dyno.command,
            size: dyno.size,
            state: 'starting',
            attach_url: secret === null ? null : `rendezvous://${new URL(options.gitBaseUrl).host}/${secret}`,
            app: appRef(record),
            release: { id: release.id, version: release.version },
            created_at: dyno.createdAt,
            updated_at: dyno.updatedAt,
        };
        return reply.status(201).send(body);
    });
}
//# sourceMappingURL=routes.js.map