import { cidrsOverlap, intToIp, parseCidr } from '../../shared/space-addressing.js';
import { InvalidParamsError } from '../../shared/errors.js';
const RFC1918 = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];
export const DEFAULT_CIDR = '10.0.0.0/16';
export const MAX_TRUSTED_RANGES = 20;
function parseStrict(value, what) {
    if (typeof value !== 'string')
        throw new InvalidParamsError(`${what} must be a CIDR string such as "10.0.0.0/16".`);
    let parsed;
    try {
        parsed = parseCidr(value.trim());
    }
    catch {
        throw new InvalidParamsError(`${what} "${value}" is not a valid IPv4 CIDR block.`);
    }
    const text = `${intToIp(parsed.network)}/${parsed.prefix}`;
    if (text !== value.trim()) {
        throw new InvalidParamsError(`${what} "${value}" is not a valid network address: did you mean "${text}"?`);
    }
    return { ...parsed, text };
}
function isRfc1918(cidr) {
    const { prefix } = parseCidr(cidr);
    return RFC1918.some((block) => parseCidr(block).prefix <= prefix && cidrsOverlap(block, cidr));
}
export function validateSpaceCidr(value) {
    const { prefix, text } = parseStrict(value, 'CIDR');
    if (prefix !== 16)
        throw new InvalidParamsError(`CIDR "${text}" must be a /16 block.`);
    if (!isRfc1918(text))
        throw new InvalidParamsError(`CIDR "${text}" must be within an RFC 1918 private range (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16).`);
    if (text === '172.17.0.0/16')
        throw new InvalidParamsError('CIDR "172.17.0.0/16" is reserved.');
    return text;
}
export function validateDataCidr(value, spaceCidr) {
    const { prefix, text } = parseStrict(value, 'Data CIDR');
    if (prefix < 16 || prefix > 20)
        throw new InvalidParamsError(`Data CIDR "${text}" must be between /16 and /20.`);
    if (!isRfc1918(text))
        throw new InvalidParamsError(`Data CIDR "${text}" must be within an RFC 1918 private range.`);
    if (text === '172.17.0.0/16')
        throw new InvalidParamsError('Data CIDR "172.17.0.0/16" is reserved.');
    if (cidrsOverlap(text, spaceCidr))
        throw new InvalidParamsError(`Data CIDR "${text}" overlaps the space CIDR "${spaceCidr}".`);
    return text;
}
/** The default data CIDR for a space CIDR: the next /16 that does not overlap it. */
export function defaultDataCidr(spaceCidr) {
    const { network } = parseCidr(spaceCidr);
    for (const candidate of [network + 65536, network - 65536, parseCidr('10.1.0.0/16').network]) {
        const text = `${intToIp(candidate >>> 0)}/16`;
        if (isRfc1918(text) && !cidrsOverlap(text, spaceCidr) && text !== '172.17.0.0/16')
            return text;
    }
    return '10.1.0.0/16';
}
export function validateInboundRules(value) {
    if (!Array.isArray(value))
        throw new InvalidParamsError('Rules must be an array of {action, source}.');
    if (value.length > MAX_TRUSTED_RANGES) {
        throw new InvalidParamsError(`A space can have at most ${MAX_TRUSTED_RANGES} trusted IP ranges; got ${value.length}.`);
    }
    const rules = [];
    for (const raw of value) {
        if (typeof raw !== 'object' || raw === null)
            throw new InvalidParamsError('Each rule must be an object {action, source}.');
        const rule = raw;
        const action = rule['action'] ?? 'allow';
        if (action !== 'allow' && action !== 'deny')
            throw new InvalidParamsError(`Rule action must be "allow" or "deny", not "${String(action)}".`);
        const source = typeof rule['source'] === 'string' && !rule['source'].includes('/') ? `${rule['source']}/32` : rule['source'];
        const { text } = parseStrict(source, 'Source');
        if (rules.some((r) => r.source === text))
            throw new InvalidParamsError(`Source "${text}" is listed twice.`);
        rules.push({ action, source: text });
    }
    return rules;
}
//# sourceMappingURL=cidr-rules.js.map