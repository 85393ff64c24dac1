import { readFile } from 'node:fs/promises';
import { seg } from '../../lib/api-client.js';
import { CliError, UsageError } from '../../lib/cli-error.js';
import { defineCommand } from '../../lib/command.js';
import { appFlag, jsonFlag } from '../../lib/common-flags.js';
import { appLabel } from '../../lib/styled.js';
import type { SniEndpoint } from './index.js';

export const certsAdd = defineCommand({
  id: 'certs:add',
  description: 'add an SSL certificate to an app\nThe router serves it on HTTPS to clients asking (SNI) for one of its names.',
  examples: ['certs:add server.crt server.key -a my-app\nAdding SSL certificate to ⬢ my-app... done\nCertificate brisk-otter-1a2b3c for www.example.com'],
  args: [
    { name: 'CRT', description: 'certificate chain file (PEM)' },
    { name: 'KEY', description: 'private key file (PEM)' },
  ],
  flags: { app: appFlag, json: jsonFlag },
  async run({ input, api, out }) {
    const app = input.app();
    const [crt, key] = [input.arg(0), input.arg(1)];
    if (crt === undefined || key === undefined) throw new UsageError('Specify the certificate and key files.', 'certs:add');
    const read = (path: string): Promise<string> => readFile(path, 'utf8').catch(() => Promise.reject(new CliError(`Cannot read ${path}`)));
    const [chain, privateKey] = [await read(crt), await read(key)];
    const endpoint = await out.action(`Adding SSL certificate to ${appLabel(app)}`, () =>
      api.post<SniEndpoint>(`/apps/${seg(app)}/sni-endpoints`, { certificate_chain: chain, private_key: privateKey }),
    );
    if (input.boolean('json')) return out.json(endpoint);
    out.log(`Certificate ${endpoint.name} for ${endpoint.ssl_cert.cert_domains.join(', ')}`);
  },
});
