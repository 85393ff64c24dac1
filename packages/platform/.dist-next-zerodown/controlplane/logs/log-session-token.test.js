import assert from 'node:assert/strict';
import { test } from 'node:test';
import { logSessionKey, signLogSession, verifyLogSession } from './log-session-token.js';
const key = logSessionKey(Buffer.alloc(32, 7));
const session = { id: 's1', appId: 'app-1', lines: 100, tail: true, dyno: 'web', expiresAt: 2_000 };
test('verifyLogSession() returns the signed session until it expires', () => {
    const token = signLogSession(key, session);
    assert.deepEqual(verifyLogSession(key, token, 1_999), session);
    assert.equal(verifyLogSession(key, token, 2_000), 'expired');
});
test('verifyLogSession() refuses changed payloads, other keys and garbage', () => {
    const token = signLogSession(key, session);
    const [, sig] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ ...session, appId: 'app-2' })).toString('base64url')}.${sig}`;
    assert.equal(verifyLogSession(key, forged, 0), 'invalid');
    assert.equal(verifyLogSession(logSessionKey(Buffer.alloc(32, 8)), token, 0), 'invalid');
    for (const junk of ['', '.', 'abc', 'abc.', `${token}x`])
        assert.equal(verifyLogSession(key, junk, 0), 'invalid', junk);
});
//# sourceMappingURL=log-session-token.test.js.map