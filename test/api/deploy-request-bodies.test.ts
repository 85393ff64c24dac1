/**
 * The JSON schemas of the deploy and run request bodies (@cove/schema's deploy-bodies.ts):
 * a field of the wrong type is refused before the route runs, with the same Heroku-style
 * `invalid_params` body and message the route gave before the schemas existed.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';

let p: BootedPlatform;
before(async () => {
  p = await bootPlatform();
  await p.request('POST', '/apps', { body: { name: 'shaped' } });
});
after(() => p?.close());

async function refused(method: string, path: string, body: unknown, message: string): Promise<void> {
  const res = await p.request(method, path, { body });
  assert.equal(res.status, 422, JSON.stringify(res.body));
  assert.deepEqual(res.body, { id: 'invalid_params', message });
}

test('wrong field types get the invalid_params message of the field', async () => {
  await refused('PATCH', '/apps/shaped/formation', { updates: 'web=2' }, 'updates must be an array of {type, quantity, size}.');
  await refused('PATCH', '/apps/shaped/formation', { updates: [5] }, 'Each update must be an object {type, quantity, size}.');
  await refused('PATCH', '/apps/shaped/formation', { updates: [{ type: 3 }] }, 'Each update needs a process type.');
  await refused('POST', '/apps/shaped/log-drains', { url: 5 }, 'Url must be a syslog://, syslog+tls:// or https:// URL.');
  await refused('POST', '/apps/shaped/slugs', { process_types: ['web'] }, 'process_types must be an object such as {"web": "node server.js"}.');
  await refused('POST', '/apps/shaped/slugs', { process_types: {}, commit: 7 }, 'commit must be a string.');
  await refused('PUT', '/apps/shaped/buildpack-installations', { updates: [{ buildpack: null }] }, 'Each update must be {"buildpack": "<url or name>"}.');
  await refused('POST', '/apps/shaped/releases', { release: true }, 'release must be the id or version of the release to roll back to.');
  await refused('POST', '/apps/shaped/dynos', { command: ['ls'] }, 'command must be a non-empty string.');
});

test('rules about values stay with the domain, in its words', async () => {
  // time_to_live has no type in the schema (the heroku CLI may send a string): the domain checks it.
  await refused('POST', '/apps/shaped/dynos', { command: 'ls', time_to_live: 0 }, 'time_to_live must be a whole number of seconds from 1 to 86400.');
  await refused('POST', '/apps/shaped/log-drains', { url: 'ftp://example.test' }, 'Url scheme "ftp" is not supported: use syslog, syslog+tls or https.');
});
