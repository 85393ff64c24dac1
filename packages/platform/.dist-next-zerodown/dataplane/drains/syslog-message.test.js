import assert from 'node:assert/strict';
import { test } from 'node:test';
import { logplexFrame, syslogFrame } from './syslog-message.js';
const line = { appId: 'a', time: '2012-11-30T06:45:29.000Z', source: 'heroku', dyno: 'web.3', message: 'State changed from starting to up' };
test('syslogFrame() writes an octet-counted RFC 5424 message with NILVALUE MSGID and STRUCTURED-DATA', () => {
    const frame = syslogFrame(line, 'd.123').toString();
    const msg = '<190>1 2012-11-30T06:45:29.000000+00:00 d.123 heroku web.3 - - State changed from starting to up';
    assert.equal(frame, `${Buffer.byteLength(msg)} ${msg}`);
});
test('logplexFrame() matches Heroku\'s HTTPS drain frames: no STRUCTURED-DATA, the newline counted', () => {
    // Heroku's documented example: "83 <40>1 2012-11-30T06:45:29+00:00 host app web.3 - State changed from starting to up"
    const frame = logplexFrame({ ...line, source: 'app' }, 'host').toString();
    const msg = '<190>1 2012-11-30T06:45:29.000000+00:00 host app web.3 - State changed from starting to up\n';
    assert.equal(frame, `${Buffer.byteLength(msg)} ${msg}`);
});
test('frames count bytes, not characters, and keep header fields free of spaces', () => {
    const frame = syslogFrame({ ...line, dyno: 'web 1', message: 'héllo ✓' }, '');
    const text = frame.toString();
    const space = text.indexOf(' ');
    assert.equal(Number(text.slice(0, space)), frame.length - space - 1);
    assert.match(text, /\+00:00 - heroku web_1 - - héllo ✓$/);
});
//# sourceMappingURL=syslog-message.test.js.map