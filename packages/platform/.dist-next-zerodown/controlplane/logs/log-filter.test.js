import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchesLogFilter } from './log-filter.js';
test('matchesLogFilter() matches a dyno, its process type, or a platform component, and a source', () => {
    const web1 = { source: 'app', dyno: 'web.1' };
    const router = { source: 'heroku', dyno: 'router' };
    assert.equal(matchesLogFilter(web1, {}), true);
    assert.equal(matchesLogFilter(web1, { dyno: 'web.1' }), true);
    assert.equal(matchesLogFilter(web1, { dyno: 'web' }), true);
    assert.equal(matchesLogFilter(web1, { dyno: 'web.10' }), false);
    assert.equal(matchesLogFilter({ source: 'app', dyno: 'webhooks.1' }, { dyno: 'web' }), false);
    assert.equal(matchesLogFilter(router, { dyno: 'router' }), true);
    assert.equal(matchesLogFilter(router, { source: 'app' }), false);
    assert.equal(matchesLogFilter(router, { source: 'heroku', dyno: 'router' }), true);
});
//# sourceMappingURL=log-filter.test.js.map