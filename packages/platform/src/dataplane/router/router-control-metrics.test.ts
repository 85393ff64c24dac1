import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RouterControlMetrics } from './router-control-metrics.js';

test('RouterControlMetrics counts admin retries, failures and reloads by cause, every cause always present', () => {
  const m = new RouterControlMetrics();
  m.adminRetry();
  m.adminRetry();
  m.adminFailure();
  m.reload('start');
  m.reload('admin-failure');
  m.reload('admin-failure');
  const text = m.render();
  assert.match(text, /^cove_router_admin_retries_total 2$/m);
  assert.match(text, /^cove_router_admin_failures_total 1$/m);
  assert.match(text, /^cove_router_reloads_total\{cause="start"\} 1$/m);
  assert.match(text, /^cove_router_reloads_total\{cause="admin-failure"\} 2$/m);
  assert.match(text, /^cove_router_reloads_total\{cause="config"\} 0$/m);
  assert.match(text, /^# TYPE cove_router_reloads_total counter$/m);
});
