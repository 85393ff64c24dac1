/**
 * API keys: random, shown once, stored only as a SHA-256 hash (they carry 240 bits of entropy,
 * so a slow hash adds nothing). Passwords use scrypt.
 */
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
export function generateToken() {
    return `HRKU-${randomBytes(30).toString('base64url')}`;
}
export function hashToken(token) {
    return createHash('sha256').update(token).digest('hex');
}
export function hashPassword(password) {
    const salt = randomBytes(16);
    return `scrypt:${salt.toString('hex')}:${scryptSync(password, salt, 32).toString('hex')}`;
}
export function verifyPassword(password, stored) {
    const [scheme, salt, hash] = stored.split(':');
    if (scheme !== 'scrypt' || salt === undefined || hash === undefined)
        return false;
    const expected = Buffer.from(hash, 'hex');
    const actual = scryptSync(password, Buffer.from(salt, 'hex'), expected.length);
    return timingSafeEqual(expected, actual);
}
//# sourceMappingURL=tokens.js.map