#!/usr/bin/env node
/** The `cove` entry point: the only place that reads process.argv, env and the package version. */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { COMMANDS } from '../commands/index.js';
import { runCli } from '../lib/cli.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const code = await runCli(COMMANDS, {
  argv: process.argv.slice(2),
  env: process.env,
  home: process.env['HOME'] ?? homedir(),
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  version: pkg.version,
  ...(process.stdout.isTTY
    ? {
        terminal: {
          get columns() {
            return process.stdout.columns;
          },
          get rows() {
            return process.stdout.rows;
          },
          onResize: (listener: () => void) => {
            process.stdout.on('resize', listener);
            return () => process.stdout.off('resize', listener);
          },
        },
      }
    : {}),
});
process.exitCode = code;
