import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from './api-error.js';
import { reportError } from './cli.js';

function report(error: unknown): { text: string; code: number } {
  let text = '';
  const code = reportError(error, { write: (s: string) => (text += s) });
  return { text, code };
}

test('ApiError with a message body exits 2 and prints the id', () => {
  const error = new ApiError({ status: 404, method: 'GET', requestUrl: 'http://x/apps/nope', body: { id: 'not_found', message: "Couldn't find that app.", resource: 'app' } });
  const { text, code } = report(error);
  assert.equal(code, 2);
  assert.match(text, /^Error: Couldn't find that app\.\n\nError ID: not_found\n/);
  assert.match(text, /cove apps/);
});

test('ApiError without a message exits 1 with the HTTP status line', () => {
  const { text, code } = report(new ApiError({ status: 502, method: 'GET', requestUrl: 'http://x/account', body: 'Bad gateway' }));
  assert.equal(code, 1);
  assert.match(text, /^Error: HTTP Error 502 for GET http:\/\/x\/account\nBad gateway/);
});

test('a 401 suggests cove login', () => {
  const { text } = report(new ApiError({ status: 401, method: 'GET', requestUrl: 'http://x/account', body: { id: 'unauthorized', message: 'Invalid credentials provided.' } }));
  assert.match(text, /Run cove login/);
});
