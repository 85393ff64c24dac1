import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatLogLine, formatLogTime, splitLogMessage } from './log-line-format.js';
test('formatLogLine() writes Heroku\'s `<time> <source>[<dyno>]: <message>`', () => {
    assert.equal(formatLogLine({ time: '2024-01-01T00:00:00.123Z', source: 'app', dyno: 'web.1', message: 'hi' }), '2024-01-01T00:00:00.123000+00:00 app[web.1]: hi');
    assert.equal(formatLogTime('2024-01-01T00:00:00Z'), '2024-01-01T00:00:00.000000+00:00');
});
test('splitLogMessage() cuts lines over 10,000 bytes into chunks without splitting a character', () => {
    assert.deepEqual(splitLogMessage('short'), ['short']);
    const long = 'a'.repeat(9_999) + 'é' + 'b'.repeat(10_000);
    const chunks = splitLogMessage(long);
    assert.deepEqual(chunks.map((c) => Buffer.byteLength(c)), [9_999, 10_000, 2]);
    assert.equal(chunks.join(''), long);
    assert.equal(chunks[1]?.startsWith('é'), true);
});
//# sourceMappingURL=log-line-format.test.js.map