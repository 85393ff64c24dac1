/**
 * The heroku CLI's deploy path against Cove: `heroku git:remote -a APP` adds
 * `https://<api host:port>/APP.git`, and `git push heroku main` authenticates through the
 * credential helper the CLI installs (`heroku git:credentials`), over the API's own TLS
 * (Cove's CA trusted with GIT_SSL_CAINFO), and builds and releases. Also `heroku buildpacks`.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { bootPlatform, type BootedPlatform } from '../support/boot-platform.js';
import { herokuCli, succeeded, type HerokuCli } from '../support/heroku-cli.js';

const run = promisify(execFile);

describe('heroku CLI: git:remote, git push heroku main, buildpacks', () => {
  let p: BootedPlatform;
  let cli: HerokuCli;
  let repo = '';
  before(async () => {
    p = await bootPlatform();
    cli = await herokuCli(p);
    await p.request('POST', '/apps', { body: { name: 'pushed' } });
    repo = await mkdtemp(join(tmpdir(), 'cove-heroku-push-'));
    await writeFile(join(repo, 'Procfile'), 'web: ./web.sh\n');
    await writeFile(join(repo, 'web.sh'), '#!/bin/sh\nexec sleep 1000\n', { mode: 0o755 });
    await run('git', ['init', '-q', '-b', 'main'], { cwd: repo });
    await run('git', ['add', '-A'], { cwd: repo });
    await run('git', ['-c', 'user.email=dev@example.com', '-c', 'user.name=Dev', 'commit', '-qm', 'Procfile app'], { cwd: repo });
  });
  after(async () => {
    await cli?.close();
    await p?.close();
    await rm(repo, { recursive: true, force: true });
  });

  test('git:remote then git push heroku main builds and releases through the CLI credential helper', async (t) => {
    if (cli.unavailable !== undefined) return t.skip(cli.unavailable);
    succeeded(await cli.run(['git:remote', '-a', 'pushed'], { cwd: repo }));
    const port = new URL(p.url).port;
    const remote = (await run('git', ['remote', 'get-url', 'heroku'], { cwd: repo })).stdout.trim();
    assert.equal(remote, `https://127.0.0.1:${port}/pushed.git`);
    const pushed = await cli.run(['push', 'heroku', 'main'], {
      program: 'git',
      cwd: repo,
      env: { GIT_SSL_CAINFO: p.platform.caCertPath, GIT_TERMINAL_PROMPT: '0' },
      timeoutMs: 120_000,
    });
    assert.equal(pushed.code, 0, pushed.stderr);
    assert.match(pushed.stderr, /remote: -----> Procfile app detected/);
    assert.match(pushed.stderr, /remote:        Procfile declares types {5}-> web/);
    assert.match(pushed.stderr, /remote:        Released v2/);
    assert.match(pushed.stderr, / \* \[new branch\] {6}main -> main/);
    const releases = await p.request('GET', '/apps/pushed/releases');
    assert.equal(releases.body.at(-1).description, `Deploy ${(await run('git', ['rev-parse', 'HEAD'], { cwd: repo })).stdout.slice(0, 8)}`);
  });

  test('buildpacks:set with a URL and buildpacks show the buildpack-installations list', async (t) => {
    if (cli.unavailable !== undefined) return t.skip(cli.unavailable);
    // A short name (heroku/nodejs) makes the heroku CLI ask Heroku's buildpack registry; a URL does not.
    const url = 'https://127.0.0.1:9/buildpacks/nodejs.git';
    succeeded(await cli.run(['buildpacks:set', url, '-a', 'pushed']));
    const api = await p.request('GET', '/apps/pushed/buildpack-installations');
    assert.deepEqual(api.body, [{ ordinal: 0, buildpack: { url, name: url } }]);
    const shown = succeeded(await cli.run(['buildpacks', '-a', 'pushed']));
    assert.ok(shown.stdout.includes(url), shown.stdout);
  });
});
