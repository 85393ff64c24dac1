import { BadRequestError } from '../../shared/errors.js';
/** The request body as an object, or a 400/422 explaining why not. */
export function bodyObject(request) {
    const body = request.body;
    if (body === undefined || body === null)
        return {};
    if (typeof body !== 'object' || Array.isArray(body) || isStream(body)) {
        throw new BadRequestError('Request body must be a JSON object.');
    }
    return body;
}
function isStream(value) {
    return typeof value.pipe === 'function';
}
//# sourceMappingURL=api-server.js.map