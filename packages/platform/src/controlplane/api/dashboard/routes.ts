/**
 * The dashboard's static files (packages/dashboard's Vite build) on the API's own address: `/`
 * is its page and `/assets/<file>` its scripts and styles. Nothing else: the page routes with
 * the URL's fragment (`/#/spaces/x`), so no API path is shadowed.
 */
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { NotFoundError } from '../../../shared/errors.js';
import type { ApiContext } from '../api-context.js';
import type { ApiServer } from '../api-server.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};
const ASSET_NAME = /^[A-Za-z0-9_.-]+$/;
/** The page loads only its own scripts and styles, talks only to this origin, and is never framed. */
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

async function readOrUndefined(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

export function registerDashboardRoutes(app: ApiServer, { options }: ApiContext): void {
  const dir = options.dashboardDir;
  if (dir === undefined || dir === null) return;

  app.get('/', { config: { public: true } }, async (_request, reply) => {
    const page = await readOrUndefined(join(dir, 'index.html'));
    if (page === undefined) {
      return reply
        .status(404)
        .type('text/plain; charset=utf-8')
        .send('The dashboard is not built: run `npm run build` (scripts/start does), then reload.\n');
    }
    return reply
      .type(TYPES['.html'] ?? 'text/html')
      .header('Content-Security-Policy', CSP)
      .header('X-Frame-Options', 'DENY')
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'no-cache')
      .send(page);
  });

  app.get<{ Params: { file: string } }>('/assets/:file', { config: { public: true } }, async (request, reply) => {
    const name = request.params.file;
    const type = TYPES[extname(name)];
    const body = ASSET_NAME.test(name) && type !== undefined ? await readOrUndefined(join(dir, 'assets', name)) : undefined;
    if (body === undefined || type === undefined) throw new NotFoundError('asset', name);
    // Vite names assets by their content hash: a name never changes content.
    return reply.type(type).header('X-Content-Type-Options', 'nosniff').header('Cache-Control', 'public, max-age=31536000, immutable').send(body);
  });
}
