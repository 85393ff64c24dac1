import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBuildpackRelease } from './parse-buildpack-release.js';
import { parseProcfile, ProcfileError } from './parse-procfile.js';
test('parseProcfile() reads types and commands, skipping blanks and comments', () => {
    assert.deepEqual(parseProcfile('# app\nweb: node server.js\n\nworker:node worker.js --fast\r\nrelease: node migrate.js\n'), {
        web: 'node server.js',
        worker: 'node worker.js --fast',
        release: 'node migrate.js',
    });
});
test('parseProcfile() names the line of a malformed entry', () => {
    assert.throws(() => parseProcfile('web: node a.js\nthis is not a process\n'), (e) => e instanceof ProcfileError && e.line === 2 && /line 2/.test(e.message));
    assert.throws(() => parseProcfile('web:\n'), ProcfileError);
    assert.throws(() => parseProcfile('we b: x\n'), ProcfileError);
    assert.throws(() => parseProcfile('web.1: x\n'), ProcfileError);
});
test('parseBuildpackRelease() reads default_process_types from YAML or JSON', () => {
    assert.deepEqual(parseBuildpackRelease('---\naddons: []\ndefault_process_types:\n  web: npm start\n  worker: "node w.js"\nconfig_vars: {}\n'), {
        web: 'npm start',
        worker: 'node w.js',
    });
    assert.deepEqual(parseBuildpackRelease('{"default_process_types":{"web":"bin/start"}}'), { web: 'bin/start' });
    assert.deepEqual(parseBuildpackRelease('---\n{}\n'), {});
    assert.deepEqual(parseBuildpackRelease(''), {});
});
//# sourceMappingURL=parse-procfile.test.js.map