import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError } from './cli-error.js';
import { defineCommand, parseInput } from './command.js';
import { resolveCommand } from './cli.js';

const info = defineCommand({
  id: 'spaces:info',
  description: 'show space info',
  examples: ['spaces:info my-space'],
  args: [{ name: 'space', description: 'space' }],
  flags: { space: { type: 'string', char: 's', description: 'space' }, app: { type: 'string', char: 'a', description: 'app', env: 'COVE_APP' }, json: { type: 'boolean', description: 'json' } },
  run: async () => {},
});

test('parseInput() reads the space from the argument or -s', () => {
  assert.equal(parseInput(info, ['prod'], {}).input.space(), 'prod');
  assert.equal(parseInput(info, ['-s', 'prod', '--json'], {}).input.space(), 'prod');
  assert.equal(parseInput(info, ['--space=prod'], {}).input.boolean('json'), false);
});

test('parseInput() falls back to the flag\'s environment variable', () => {
  assert.equal(parseInput(info, [], { COVE_APP: 'api' }).input.app(), 'api');
  assert.equal(parseInput(info, ['-a', 'web'], { COVE_APP: 'api' }).input.app(), 'web');
});

test('parseInput() turns unknown flags and extra arguments into usage errors', () => {
  assert.throws(() => parseInput(info, ['--nope'], {}), (e: unknown) => e instanceof UsageError && /Nonexistent flag: --nope/.test(e.message));
  assert.throws(() => parseInput(info, ['a', 'b'], {}), /Unexpected argument: b/);
  assert.throws(() => parseInput(info, [], {}).input.space(), /Space name required/);
});

test('parseInput() reports --help without validating arguments', () => {
  assert.equal(parseInput(info, ['a', 'b', '--help'], {}).help, true);
});

test('resolveCommand() accepts "topic:verb", "topic verb" and aliases', () => {
  const list = [info, { ...info, id: 'spaces', aliases: ['list-spaces'] }];
  assert.equal(resolveCommand(list, ['spaces:info', 'x'])?.command.id, 'spaces:info');
  assert.deepEqual(resolveCommand(list, ['spaces', 'info', 'x'])?.rest, ['x']);
  assert.equal(resolveCommand(list, ['spaces', '--json'])?.command.id, 'spaces');
  assert.equal(resolveCommand(list, ['list-spaces'])?.command.id, 'spaces');
  assert.equal(resolveCommand(list, ['nope']), undefined);
});
