/**
 * Syslog lines as drains receive them. RFC 5424 §6 (`<PRI>VERSION TIMESTAMP HOSTNAME APP-NAME
 * PROCID MSGID STRUCTURED-DATA MSG`) with RFC 6587 §3.4.1 octet counting (`MSG-LEN SP
 * SYSLOG-MSG`) for syslog drains. HTTPS drains get Heroku's logplex frames instead: the same
 * header without STRUCTURED-DATA, and a newline that the length counts
 * (`83 <40>1 2012-11-30T06:45:29+00:00 host app web.3 - State changed from starting to up\n`),
 * because that is what existing logplex parsers read.
 */
import { formatLogTime } from '../../shared/log-line-format.js';
/** local7.info (facility 23 × 8 + severity 6), what logplex uses for app output. */
const PRI = 190;
/** RFC 5424 §6.2.4/6.2.5: HOSTNAME ≤ 255 and APP-NAME/PROCID ≤ 48/128 printable US-ASCII, no spaces. */
function field(value, max) {
    const clean = value.replace(/[^\x21-\x7e]/g, '_').slice(0, max);
    return clean === '' ? '-' : clean;
}
function header(line, hostname) {
    return `<${PRI}>1 ${formatLogTime(line.time)} ${field(hostname, 255)} ${field(line.source, 48)} ${field(line.dyno, 128)}`;
}
/** One octet-counted RFC 5424 frame for a syslog drain. */
export function syslogFrame(line, hostname) {
    const msg = Buffer.from(`${header(line, hostname)} - - ${line.message}`);
    return Buffer.concat([Buffer.from(`${msg.length} `), msg]);
}
/** One logplex frame for an HTTPS drain batch. */
export function logplexFrame(line, hostname) {
    const msg = Buffer.from(`${header(line, hostname)} - ${line.message}\n`);
    return Buffer.concat([Buffer.from(`${msg.length} `), msg]);
}
//# sourceMappingURL=syslog-message.js.map