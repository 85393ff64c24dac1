/**
 * The linux backend's router: HAProxy (dataplane/router) in its own cgroup, binding and
 * connecting in the spaces' namespaces, serving the control plane's route feed once placed in
 * this runtime's networks. Every request's line becomes the app's `heroku[router]` line and
 * counts in the Prometheus metrics (served on `--metrics` when set), with how the router's
 * changes went (admin retries and failures, reloads by cause).
 *
 * HAProxy keeps serving when the server stops (`close({ keepRunning: true })`) or dies; the next
 * start adopts it (see HaproxySupervisor).
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import { HaproxyRouter } from '../../dataplane/router/haproxy-router.js';
import { RouterMetrics } from '../../dataplane/router/router-metrics.js';
import { issueCertificate } from '../../shared/local-ca.js';
import { Cgroups } from './cgroups.js';
import { placeRouteFeed } from './route-placement.js';
/** The cgroup (under the dynos' parent) HAProxy runs in, so `--cleanup` and test sandboxes reap it. */
export const ROUTER_CGROUP = 'cvrouter';
/** Where `cove server` puts each request's router line: the app's metrics and its log buffer. */
export function routerLineSink(metrics, appLog) {
    return (entry) => {
        metrics.record(entry);
        appLog({ appId: entry.appId, source: 'heroku', dyno: 'router', message: entry.message });
    };
}
export class LinuxRouterPlane {
    #options;
    #metrics = new RouterMetrics();
    #router = null;
    #metricsServer = null;
    constructor(options) {
        this.#options = options;
    }
    async start() {
        const o = this.#options;
        const cgroups = new Cgroups(o.cgroupParent);
        await cgroups.create(ROUTER_CGROUP, { memoryBytes: 4 * 1024 ** 3, pids: 4096, cpuPercent: 100 * 64 });
        const tls = await issueCertificate(o.tlsDir, 'router', [o.domain, `*.${o.domain}`]);
        const router = this.#newRouter(cgroups.procsFiles(ROUTER_CGROUP), `${tls.cert.trim()}\n${tls.key.trim()}\n`);
        await router.start();
        this.#router = router;
        if (o.metrics !== null) {
            const server = createServer((req, res) => {
                if (req.method !== 'GET' || req.url !== '/metrics')
                    return void res.writeHead(404).end();
                const control = this.#router?.control.render() ?? '';
                res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(this.#metrics.render() + control);
            });
            server.listen(o.metrics.port, o.metrics.host);
            await once(server, 'listening');
            this.#metricsServer = server;
        }
    }
    /** Stops a HAProxy an earlier server left running with this directory; starts nothing. */
    async stopDataPlane() {
        await this.#router?.close();
        this.#router = null;
        await this.#newRouter([]).stopLeftover();
    }
    async update(feed) {
        const router = this.#router;
        if (router === null)
            throw new Error('The router is not running');
        this.#metrics.setNames(new Map(feed.apps.map((a) => [a.appId, a.name])));
        await router.update(placeRouteFeed(feed, this.#options.networkOf));
    }
    #newRouter(cgroupProcs, defaultCertificate = '') {
        const o = this.#options;
        return new HaproxyRouter({
            dir: o.dir,
            http: o.http,
            https: { ...o.https, defaultCertificate },
            cgroupProcs,
            metricsPort: null,
            firstByteTimeoutMs: o.firstByteTimeoutMs,
            threads: o.threads,
            onRequest: routerLineSink(this.#metrics, o.appLog),
            log: o.log,
        });
    }
    routes(dynoId) {
        return this.#router?.routes(dynoId) ?? false;
    }
    /** Stops HAProxy, or with `keepRunning` leaves it serving for the next start to adopt. */
    async close(options = {}) {
        await this.#router?.close(options);
        this.#router = null;
        const server = this.#metricsServer;
        this.#metricsServer = null;
        if (server !== null)
            await new Promise((resolve) => server.close(resolve));
    }
}
//# sourceMappingURL=router-plane.js.map