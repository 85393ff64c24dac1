/**
 * The single catalogue of Cove's errors.
 *
 * `PlatformError`s cross the API edge: the error handler turns one into a Heroku-style body
 * `{id, message[, resource, url]}` with its status. `RuntimeError`s stay below the reconciler,
 * which records them on the resource and retries. Ids and codes are never reused; docs/errors.md
 * lists every one and a test keeps the two in step.
 */
import { type ErrorBody, type ErrorId } from '@cove/schema';
/** An error the API reports to its client. */
export declare class PlatformError extends Error {
    readonly id: ErrorId;
    readonly status: number;
    readonly resource: string | undefined;
    readonly url: string | undefined;
    constructor(id: ErrorId, message: string, options?: {
        resource?: string;
        url?: string;
        cause?: unknown;
    });
    toBody(): ErrorBody;
}
/** True for a PlatformError from any copy of this module. */
export declare function isPlatformError(value: unknown): value is PlatformError;
/** A resource named in the request does not exist, or the caller may not see it. */
export declare class NotFoundError extends PlatformError {
    /** The name or id that was looked up, for logs. */
    readonly identity: string | undefined;
    constructor(resource: string, identity?: string);
}
/** A field of the request body or path is malformed or violates a rule. */
export declare class InvalidParamsError extends PlatformError {
    constructor(message: string, resource?: string);
}
/** The request is well formed but cannot be carried out in the resource's current state. */
export declare class UnprocessableError extends PlatformError {
    constructor(message: string, resource?: string);
}
/** The request cannot be parsed at all (malformed JSON, bad header). */
export declare class BadRequestError extends PlatformError {
    constructor(message: string);
}
/** No credentials, or credentials that are unknown, expired or revoked. */
export declare class UnauthorizedError extends PlatformError {
    constructor(message?: string);
}
/** The caller is known but lacks the permission for this action. */
export declare class ForbiddenError extends PlatformError {
    constructor(message: string, resource?: string);
}
/** The request conflicts with the current state (a name taken meanwhile, a resource in use). */
export declare class ConflictError extends PlatformError {
    constructor(message: string, resource?: string);
}
/** The Range header cannot be parsed. */
export declare class RangeNotSatisfiableError extends PlatformError {
    constructor(range: string);
}
/** Codes a runtime backend reports. Never reuse a retired code. */
export declare const RUNTIME_ERROR_CODES: {
    readonly NO_RUNTIME: "No runtime backend is available";
    readonly EXEC_FAILED: "A command run by the backend failed";
    readonly NETNS_EXISTS: "A network namespace already exists";
    readonly SPACE_NOT_FOUND: "The space network does not exist";
    readonly DYNO_START_FAILED: "A dyno could not be started";
    readonly SLUG_INVALID: "A slug failed its SHA-256 check or could not be unpacked";
    readonly ADDRESS_EXHAUSTED: "No address is left in a pool";
    readonly NOT_PERMITTED: "The backend lacks a privilege it needs";
    readonly LISTEN_FAILED: "A socket could not be opened inside a space network";
    readonly SLUG_UNAVAILABLE: "A slug could not be fetched from the control plane";
    readonly CAPABILITY_MISSING: "The runtime backend does not offer a capability the resource needs";
};
export type RuntimeErrorCode = keyof typeof RUNTIME_ERROR_CODES;
/** A failure inside a runtime backend. Never sent to API clients as is. */
export declare class RuntimeError extends Error {
    readonly code: RuntimeErrorCode;
    readonly retryable: boolean;
    readonly argv: readonly string[] | undefined;
    readonly exitCode: number | null | undefined;
    readonly stderr: string | undefined;
    constructor(code: RuntimeErrorCode, message: string, options?: {
        retryable?: boolean;
        argv?: readonly string[];
        exitCode?: number | null;
        stderr?: string;
        cause?: unknown;
    });
}
/** The configuration given at start-up is invalid. */
export declare class ConfigError extends Error {
    constructor(message: string);
}
