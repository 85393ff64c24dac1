import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withAppStore } from './domain-test-store.js';
import { addAppDrain, MAX_DRAINS_PER_APP, removeAppDrain, validateDrainUrl } from './log-drains.js';
test('drain URLs are checked and normalised', () => {
    assert.equal(validateDrainUrl(' syslog+tls://logs.example.test:6514/ignored '), 'syslog+tls://logs.example.test:6514');
    assert.equal(validateDrainUrl('https://logs.example.test/in'), 'https://logs.example.test/in');
    assert.throws(() => validateDrainUrl('syslog://logs.example.test'), { id: 'invalid_params' });
    assert.throws(() => validateDrainUrl('ftp://logs.example.test'), { id: 'invalid_params' });
    assert.throws(() => validateDrainUrl(3), { id: 'invalid_params' });
});
test('an app has each drain URL once and at most five drains', () => {
    withAppStore((store, app, user) => {
        const drains = Array.from({ length: MAX_DRAINS_PER_APP }, (_, i) => addAppDrain(store, app, user, `https://logs.example.test/${i}`));
        assert.throws(() => addAppDrain(store, app, user, 'https://logs.example.test/0'), { id: 'invalid_params', message: 'Url has already been taken' });
        assert.throws(() => addAppDrain(store, app, user, 'https://logs.example.test/9'), { id: 'unprocessable_entity' });
        // By token, id or URL.
        removeAppDrain(store, app, user, drains[0]?.token ?? '');
        removeAppDrain(store, app, user, 'https://logs.example.test/1');
        assert.equal(store.logDrains.ofApp(app.id).length, MAX_DRAINS_PER_APP - 2);
        assert.throws(() => removeAppDrain(store, app, user, 'nope'), { id: 'not_found' });
    });
});
//# sourceMappingURL=log-drains.test.js.map