/**
 * Delivery to an `https://` (or `http://`) drain as Heroku's logplex does it: POST batches of
 * up to 500 octet-counted frames, `Content-Type: application/logplex-1` with the
 * `Logplex-Msg-Count`, `Logplex-Frame-Id` and `Logplex-Drain-Token` headers. One request is in
 * flight at a time; lines arriving meanwhile form the next batch, so a quiet app's line leaves
 * at once and a busy app's lines share requests. Failed batches are retried with back-off
 * (a 4xx other than 408/429 drops the batch: retrying cannot fix it).
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { BufferedDrain } from './buffered-drain.js';
import { logplexFrame } from './syslog-message.js';
/** Heroku's batch limit. */
const MAX_BATCH = 500;
export class HttpsDrain extends BufferedDrain {
    #agent;
    #inFlight = false;
    #request = null;
    constructor(target, options) {
        super(target, options);
        const secure = this.url.protocol === 'https:';
        this.#agent = secure
            ? new https.Agent({ keepAlive: true, maxSockets: 1, ca: [...tls.rootCertificates, ...options.ca] })
            : new http.Agent({ keepAlive: true, maxSockets: 1 });
    }
    release() {
        this.#request?.destroy();
        this.#agent.destroy();
    }
    pump() {
        if (this.closed || this.#inFlight || this.retrying || this.buffer.length === 0)
            return;
        const batch = [];
        while (batch.length < MAX_BATCH) {
            const line = this.buffer.shift();
            if (line === undefined)
                break;
            batch.push(line);
        }
        this.#send(batch, randomBytes(16).toString('hex').toUpperCase());
    }
    #send(batch, frameId) {
        this.#inFlight = true;
        const body = Buffer.concat(batch.map((line) => logplexFrame(line, this.target.apps[line.appId] ?? 'host')));
        const request = (this.url.protocol === 'https:' ? https : http).request(this.url, {
            method: 'POST',
            agent: this.#agent,
            timeout: this.options.timeoutMs ?? 10_000,
            headers: {
                'Content-Type': 'application/logplex-1',
                'Content-Length': body.length,
                'Logplex-Msg-Count': batch.length,
                'Logplex-Frame-Id': frameId,
                'Logplex-Drain-Token': this.target.token,
                'User-Agent': 'Logplex/v1 (Cove)',
            },
        });
        this.#request = request;
        let settled = false;
        const settle = (outcome) => {
            if (settled)
                return;
            settled = true;
            this.#request = null;
            this.#inFlight = false;
            if (this.closed)
                return;
            if (outcome === 'retry') {
                this.buffer.unshift(batch);
                this.retryLater(() => this.pump());
                return;
            }
            if (outcome === 'refused')
                for (const line of batch)
                    this.buffer.drop(line);
            this.delivered();
            this.pump();
        };
        request.on('response', (res) => {
            res.resume();
            const status = res.statusCode ?? 0;
            res.on('end', () => settle(status >= 200 && status < 300 ? 'delivered' : status >= 400 && status < 500 && status !== 408 && status !== 429 ? 'refused' : 'retry'));
            res.on('error', () => settle('retry'));
        });
        request.on('timeout', () => request.destroy(new Error('timed out')));
        request.on('error', () => settle('retry'));
        request.end(body);
    }
}
//# sourceMappingURL=https-drain.js.map