/**
 * The single catalogue of Cove's errors.
 *
 * `PlatformError`s cross the API edge: the error handler turns one into a Heroku-style body
 * `{id, message[, resource, url]}` with its status. `RuntimeError`s stay below the reconciler,
 * which records them on the resource and retries. Ids and codes are never reused; docs/errors.md
 * lists every one and a test keeps the two in step.
 */
import { ERROR_IDS } from '@cove/schema';
const BRAND = Symbol.for('cove.platform-error');
/** An error the API reports to its client. */
export class PlatformError extends Error {
    id;
    status;
    resource;
    url;
    constructor(id, message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'PlatformError';
        this.id = id;
        this.status = ERROR_IDS[id];
        this.resource = options.resource;
        this.url = options.url;
        Object.defineProperty(this, BRAND, { value: true });
    }
    toBody() {
        const body = { id: this.id, message: this.message };
        if (this.resource !== undefined)
            body.resource = this.resource;
        if (this.url !== undefined)
            body.url = this.url;
        return body;
    }
}
/** True for a PlatformError from any copy of this module. */
export function isPlatformError(value) {
    return typeof value === 'object' && value !== null && value[BRAND] === true;
}
const ARTICLE = { app: 'that app', space: 'that space', team: 'that team', allowed_callers: 'a caller list for that app' };
/** A resource named in the request does not exist, or the caller may not see it. */
export class NotFoundError extends PlatformError {
    /** The name or id that was looked up, for logs. */
    identity;
    constructor(resource, identity) {
        const what = ARTICLE[resource] ?? `that ${resource.replaceAll('_', ' ')}`;
        // Heroku's exact wording; the heroku CLI and scripts match on it, so the name stays out.
        super('not_found', `Couldn't find ${what}.`, { resource });
        this.identity = identity;
        this.name = 'NotFoundError';
    }
}
/** A field of the request body or path is malformed or violates a rule. */
export class InvalidParamsError extends PlatformError {
    constructor(message, resource) {
        super('invalid_params', message, resource === undefined ? {} : { resource });
        this.name = 'InvalidParamsError';
    }
}
/** The request is well formed but cannot be carried out in the resource's current state. */
export class UnprocessableError extends PlatformError {
    constructor(message, resource) {
        super('unprocessable_entity', message, resource === undefined ? {} : { resource });
        this.name = 'UnprocessableError';
    }
}
/** The request cannot be parsed at all (malformed JSON, bad header). */
export class BadRequestError extends PlatformError {
    constructor(message) {
        super('bad_request', message);
        this.name = 'BadRequestError';
    }
}
/** No credentials, or credentials that are unknown, expired or revoked. */
export class UnauthorizedError extends PlatformError {
    constructor(message = 'Invalid credentials provided.') {
        super('unauthorized', message);
        this.name = 'UnauthorizedError';
    }
}
/** The caller is known but lacks the permission for this action. */
export class ForbiddenError extends PlatformError {
    constructor(message, resource) {
        super('forbidden', message, resource === undefined ? {} : { resource });
        this.name = 'ForbiddenError';
    }
}
/** The request conflicts with the current state (a name taken meanwhile, a resource in use). */
export class ConflictError extends PlatformError {
    constructor(message, resource) {
        super('conflict', message, resource === undefined ? {} : { resource });
        this.name = 'ConflictError';
    }
}
/** The Range header cannot be parsed. */
export class RangeNotSatisfiableError extends PlatformError {
    constructor(range) {
        super('requested_range_not_satisfiable', `Invalid Range header: "${range}"`);
        this.name = 'RangeNotSatisfiableError';
    }
}
/** Codes a runtime backend reports. Never reuse a retired code. */
export const RUNTIME_ERROR_CODES = {
    NO_RUNTIME: 'No runtime backend is available',
    EXEC_FAILED: 'A command run by the backend failed',
    NETNS_EXISTS: 'A network namespace already exists',
    SPACE_NOT_FOUND: 'The space network does not exist',
    DYNO_START_FAILED: 'A dyno could not be started',
    SLUG_INVALID: 'A slug failed its SHA-256 check or could not be unpacked',
    ADDRESS_EXHAUSTED: 'No address is left in a pool',
    NOT_PERMITTED: 'The backend lacks a privilege it needs',
    LISTEN_FAILED: 'A socket could not be opened inside a space network',
    SLUG_UNAVAILABLE: 'A slug could not be fetched from the control plane',
    CAPABILITY_MISSING: 'The runtime backend does not offer a capability the resource needs',
};
/** A failure inside a runtime backend. Never sent to API clients as is. */
export class RuntimeError extends Error {
    code;
    retryable;
    argv;
    exitCode;
    stderr;
    constructor(code, message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'RuntimeError';
        this.code = code;
        this.retryable = options.retryable ?? true;
        this.argv = options.argv;
        this.exitCode = options.exitCode;
        this.stderr = options.stderr;
    }
}
/** The configuration given at start-up is invalid. */
export class ConfigError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ConfigError';
    }
}
//# sourceMappingURL=errors.js.map