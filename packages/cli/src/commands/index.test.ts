import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMMANDS } from './index.js';

test('COMMANDS have unique ids and aliases, each with a description and an example', () => {
  const seen = new Set<string>();
  for (const command of COMMANDS) {
    for (const name of [command.id, ...(command.aliases ?? [])]) {
      assert.ok(!seen.has(name), `${name} is registered twice`);
      seen.add(name);
    }
    assert.ok(command.description.length > 0, `${command.id} has a description`);
    assert.ok(command.examples.length > 0, `${command.id} has an example`);
    for (const example of command.examples) assert.ok(example.startsWith(command.id.split(':')[0] ?? ''), `${command.id}: example "${example}" runs the command`);
  }
});

test('COMMANDS that read one app take -a/--app with COVE_APP', () => {
  for (const command of COMMANDS) {
    const app = command.flags?.['app'];
    if (app === undefined || command.id === 'apps:create') continue;
    assert.equal(app.char, 'a', command.id);
    assert.equal(app.env, 'COVE_APP', command.id);
  }
});
