/**
 * Git's smart HTTP protocol on the API's address (`https://<api>/<app>.git`, and plain http on
 * the same port), served by git's own `git http-backend` as a CGI program. Authentication is
 * HTTP Basic with any user name and an API key as the password (what the heroku CLI's
 * credential helper sends); without it git gets the 401 challenge that makes it ask its
 * credential helper. Pushing needs the right to manage the app, fetching only to see it.
 * The push's build happens in the repository's pre-receive hook (controlplane/builder).
 */
import { spawn } from 'node:child_process';
import { NotFoundError, PlatformError } from '../../../shared/errors.js';
import { manageableApp, visibleApp } from '../../domain/access.js';
import { readCredentials, userForToken } from '../authenticate.js';
const SERVICES = ['git-upload-pack', 'git-receive-pack'];
function gitUser(ctx, request, reply) {
    const credentials = readCredentials(request);
    const user = credentials === null ? undefined : userForToken(ctx.store, credentials.secret);
    if (user !== undefined)
        return user;
    void reply
        .status(401)
        .header('WWW-Authenticate', 'Basic realm="Cove"')
        .type('text/plain')
        .send(credentials === null ? 'Authentication required: use any user name and your API key as the password.\n' : 'Invalid credentials provided.\n');
    return null;
}
function repoName(param) {
    if (!param.endsWith('.git'))
        throw new NotFoundError('app', param);
    return param.slice(0, -4);
}
export function registerGitRoutes(app, ctx) {
    const handle = async (request, reply, repo, service, pathInfo) => {
        const builder = ctx.builder;
        if (builder === undefined)
            throw new PlatformError('service_unavailable', 'This server does not build apps.');
        const user = gitUser(ctx, request, reply);
        if (user === null)
            return;
        const name = repoName(repo);
        const record = service === 'git-receive-pack' ? manageableApp(ctx.store, user, name) : visibleApp(ctx.store, user, name);
        const dir = await builder.repository(record);
        const session = service === 'git-receive-pack' ? builder.openPush(record, user) : null;
        const slash = dir.lastIndexOf('/');
        reply.hijack();
        try {
            await runBackend(request.raw, reply.raw, {
                GIT_PROJECT_ROOT: dir.slice(0, slash),
                PATH_INFO: `/${dir.slice(slash + 1)}${pathInfo}`,
                REQUEST_METHOD: request.method,
                QUERY_STRING: request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '',
                CONTENT_TYPE: request.headers['content-type'] ?? '',
                ...(request.headers['content-length'] === undefined ? {} : { CONTENT_LENGTH: request.headers['content-length'] }),
                ...(request.headers['content-encoding'] === undefined ? {} : { HTTP_CONTENT_ENCODING: String(request.headers['content-encoding']) }),
                ...(request.headers['git-protocol'] === undefined ? {} : { GIT_PROTOCOL: String(request.headers['git-protocol']) }),
                REMOTE_USER: user.email,
                REMOTE_ADDR: request.ip,
                GIT_HTTP_EXPORT_ALL: '1',
                GIT_HTTP_MAX_REQUEST_BUFFER: '100M',
                ...(session?.env ?? {}),
            });
        }
        finally {
            session?.close();
        }
    };
    app.get('/:repo/info/refs', { config: { public: true } }, async (request, reply) => {
        const service = request.query.service;
        if (service === undefined || !SERVICES.includes(service)) {
            throw new NotFoundError('app', request.params.repo);
        }
        await handle(request, reply, request.params.repo, service, '/info/refs');
    });
    for (const service of SERVICES) {
        app.post(`/:repo/${service}`, { config: { public: true }, bodyLimit: 1024 * 1024 * 1024 }, async (request, reply) => {
            await handle(request, reply, request.params.repo, service, `/${service}`);
        });
    }
}
/** Runs `git http-backend` as a CGI script (RFC 3875) for one request. */
function runBackend(req, res, env) {
    return new Promise((resolve) => {
        const child = spawn('git', ['http-backend'], {
            env: { PATH: '/usr/local/bin:/usr/bin:/bin', LC_ALL: 'C', ...env },
            stdio: ['pipe', 'pipe', 'pipe'],
        });
        let head = Buffer.alloc(0);
        let headersDone = false;
        let stderr = '';
        child.stderr.on('data', (d) => {
            if (stderr.length < 4096)
                stderr += d.toString();
        });
        child.stdout.on('data', (chunk) => {
            if (headersDone) {
                res.write(chunk);
                return;
            }
            head = Buffer.concat([head, chunk]);
            const end = head.indexOf('\r\n\r\n') >= 0 ? head.indexOf('\r\n\r\n') : head.indexOf('\n\n');
            if (end === -1)
                return;
            const sep = head[end] === 13 ? 4 : 2;
            const lines = head.subarray(0, end).toString('latin1').split(/\r?\n/);
            let status = 200;
            for (const line of lines) {
                const colon = line.indexOf(':');
                if (colon === -1)
                    continue;
                const key = line.slice(0, colon).trim();
                const value = line.slice(colon + 1).trim();
                if (key.toLowerCase() === 'status')
                    status = Number.parseInt(value, 10) || 200;
                else
                    res.setHeader(key, value);
            }
            res.statusCode = status;
            headersDone = true;
            const rest = head.subarray(end + sep);
            if (rest.length > 0)
                res.write(rest);
        });
        child.on('close', (code) => {
            if (!headersDone) {
                res.statusCode = 500;
                res.setHeader('Content-Type', 'text/plain');
                res.write(`git http-backend failed (${code ?? 'signal'}): ${stderr.trim()}\n`);
            }
            res.end();
            resolve();
        });
        child.on('error', () => undefined);
        child.stdin.on('error', () => undefined);
        req.pipe(child.stdin);
        res.on('close', () => {
            if (child.exitCode === null)
                child.kill('SIGTERM');
        });
    });
}
//# sourceMappingURL=routes.js.map