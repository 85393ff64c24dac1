#!/usr/bin/env node
/**
 * `cove server`: the only place that reads process.argv and process.env.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startPlatform } from '../platform.js';
import { loadConfig, SERVER_USAGE } from '../shared/config.js';
import { ConfigError } from '../shared/errors.js';
import { createLogger } from '../shared/log.js';
import { cleanupHost, stopDataPlane } from '../cleanup-host.js';

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(SERVER_USAGE);
    return 0;
  }
  let config;
  try {
    config = loadConfig(argv, process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`cove server: ${error.message}\n\n${SERVER_USAGE}`);
      return 2;
    }
    throw error;
  }
  const log = createLogger(process.stderr);
  if (config.cleanup) {
    await cleanupHost(config, log);
    return 0;
  }
  if (config.stopDataPlane) {
    await stopDataPlane(config, log);
    return 0;
  }
  const platform = await startPlatform(config, log);
  const tokenFile = join(config.dataDir, 'admin.token');
  const out = process.stdout;
  out.write(`Cove is running.\n`);
  out.write(`  API:        ${platform.apiUrl} (HTTP and HTTPS on the same port)\n`);
  out.write(`  Runtime:    ${platform.runtime.kind}\n`);
  out.write(`  Data dir:   ${config.dataDir}\n`);
  out.write(`  CA cert:    ${platform.caCertPath}\n`);
  out.write(`              trust it: export NODE_EXTRA_CA_CERTS=${platform.caCertPath}; git config --global http.sslCAInfo ${platform.caCertPath}\n`);
  if (platform.adminToken !== null && config.adminToken === null) {
    out.write(`  Admin:      ${config.adminEmail}\n  API key:    ${platform.adminToken}   (shown once; also in ${tokenFile}, mode 0600)\n`);
  } else {
    const exists = await readFile(tokenFile, 'utf8').then(() => true, () => false);
    out.write(`  Admin:      ${config.adminEmail}${exists ? ` (API key in ${tokenFile})` : ''}\n`);
  }
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info('Stopping; dynos and the data plane (router, space DNS, log drains) keep running', { signal });
    void platform.close({ keepDataPlane: true }).then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`cove server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
