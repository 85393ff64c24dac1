#!/usr/bin/env node
/**
 * The pre-receive hook of every app's repository (see controlplane/builder/git-pushes.ts):
 * run by `git receive-pack` with the pushed ref updates on stdin. It archives the commit
 * pushed to main or master (the new objects are visible only here, in git's quarantine),
 * asks the server to build it over the unix socket named by COVE_PUSH_SOCKET for the push
 * session COVE_PUSH_ID, prints the build's output (git shows it as `remote: …`) and exits
 * with the build's status, so a failed build rejects the push.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
const DEPLOY_BRANCHES = ['refs/heads/main', 'refs/heads/master'];
const ZERO = /^0+$/;
let input = '';
process.stdin.on('data', (d) => (input += d.toString()));
process.stdin.on('end', () => {
    const updates = input
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => l.split(' '));
    const deploy = updates.find(([, next, ref]) => DEPLOY_BRANCHES.includes(ref ?? '') && !ZERO.test(next ?? ''));
    if (deploy === undefined) {
        for (const [, , ref] of updates)
            console.log(`Pushed to non-deployable branch ${(ref ?? '').replace('refs/heads/', '')}; push main or master to deploy.`);
        process.exit(0);
    }
    const commit = deploy[1] ?? '';
    const tarball = join(resolve(process.env['GIT_DIR'] ?? '.'), `cove-push-${commit}-${process.pid}.tar`);
    let description = '';
    try {
        execFileSync('git', ['archive', '--format=tar', '-o', tarball, commit]);
        description = execFileSync('git', ['log', '-1', '--format=%s', commit]).toString().trim();
    }
    catch (error) {
        console.log(` !     Cannot read the pushed commit: ${error.message}`);
        process.exit(1);
    }
    const done = (code) => {
        rmSync(tarball, { force: true });
        process.exit(code);
    };
    const socket = connect(process.env['COVE_PUSH_SOCKET'] ?? '');
    let buffer = '';
    let status = 1;
    socket.on('connect', () => socket.write(`${JSON.stringify({ push: process.env['COVE_PUSH_ID'], commit, ref: deploy[2], tarball, description })}\n`));
    socket.on('data', (d) => {
        buffer += d.toString('utf8');
        for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
            const message = JSON.parse(buffer.slice(0, i));
            buffer = buffer.slice(i + 1);
            if (message.out !== undefined)
                process.stdout.write(message.out);
            if (message.exit !== undefined)
                status = message.exit;
        }
    });
    socket.on('error', (error) => {
        console.log(` !     Cannot reach the Cove builder: ${error.message}`);
        done(1);
    });
    socket.on('close', () => done(status));
});
//# sourceMappingURL=git-pre-receive.js.map