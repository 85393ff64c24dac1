import type { LogFilter } from './log-filter.js';
export interface LogSession extends LogFilter {
    readonly id: string;
    readonly appId: string;
    /** Lines of history to send first. */
    readonly lines: number;
    /** Keep the stream open for new lines. */
    readonly tail: boolean;
    /** Epoch ms after which the URL no longer works and an open stream ends. */
    readonly expiresAt: number;
}
/** Derives the session-signing key from the server's secret (never the secret itself). */
export declare function logSessionKey(serverSecret: Buffer): Buffer;
export declare function signLogSession(key: Buffer, session: LogSession): string;
/** Why a token was refused; the stream route maps these to 403 and 404. */
export type LogSessionRefusal = 'invalid' | 'expired';
/** The session a token names, or why it is refused. Checks the signature before parsing. */
export declare function verifyLogSession(key: Buffer, token: string, now: number): LogSession | LogSessionRefusal;
