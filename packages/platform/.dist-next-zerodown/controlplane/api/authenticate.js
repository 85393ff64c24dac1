import { UnauthorizedError } from '../../shared/errors.js';
import { userForToken } from '../domain/accounts.js';
export { userForToken };
export function readCredentials(request) {
    const header = request.headers.authorization;
    if (header === undefined)
        return null;
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (bearer !== null)
        return { scheme: 'bearer', user: null, secret: bearer[1] ?? '' };
    const basic = /^Basic\s+(\S+)\s*$/i.exec(header);
    if (basic !== null) {
        const decoded = Buffer.from(basic[1] ?? '', 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon === -1)
            return null;
        return { scheme: 'basic', user: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
    }
    return null;
}
export function authenticate(store, request) {
    const credentials = readCredentials(request);
    if (credentials === null)
        throw new UnauthorizedError('Invalid credentials provided.');
    const user = userForToken(store, credentials.secret);
    if (user === undefined)
        throw new UnauthorizedError('Invalid credentials provided.');
    return user;
}
//# sourceMappingURL=authenticate.js.map