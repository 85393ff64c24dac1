/**
 * Serves test slugs the way the control plane's blob store does for backends: a tarball on disk
 * becomes a `DynoSpec['slug']` (an http URL on loopback plus the tarball's SHA-256). One small
 * server per test process, started on first use; it never keeps the process alive.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DynoSpec } from '@cove/platform';

export type TestSlug = DynoSpec['slug'];

const files = new Map<string, string>();
let server: Promise<{ server: Server; base: string }> | undefined;

function start(): Promise<{ server: Server; base: string }> {
  server ??= new Promise((resolve, reject) => {
    const s = createServer((req, res) => {
      const id = /^\/slugs\/([^/?]+)\/blob/.exec(req.url ?? '')?.[1];
      const file = id === undefined ? undefined : files.get(decodeURIComponent(id));
      if (file === undefined) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      createReadStream(file).pipe(res);
    });
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      s.unref();
      resolve({ server: s, base: `http://127.0.0.1:${(s.address() as AddressInfo).port}` });
    });
  });
  return server;
}

/** The slug of a tarball, served from this process; its id is derived from the tarball's bytes. */
export async function serveSlug(tarball: string): Promise<TestSlug> {
  const sha256 = createHash('sha256').update(await readFile(tarball)).digest('hex');
  const id = `slug-${sha256.slice(0, 12)}`;
  files.set(id, tarball);
  const { base } = await start();
  return { id, url: `${base}/slugs/${id}/blob?token=test`, sha256 };
}
