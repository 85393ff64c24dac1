import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatLogLine, formatLogTime } from './log-line-format.js';

test('formatLogLine() writes Heroku\'s `<time> <source>[<dyno>]: <message>`', () => {
  assert.equal(
    formatLogLine({ time: '2024-01-01T00:00:00.123Z', source: 'app', dyno: 'web.1', message: 'hi' }),
    '2024-01-01T00:00:00.123000+00:00 app[web.1]: hi',
  );
  assert.equal(formatLogTime('2024-01-01T00:00:00Z'), '2024-01-01T00:00:00.000000+00:00');
});
