/**
 * DNS benchmark: Cove's DNS process against dnsmasq serving the same names from a hosts file, in
 * the same run, on loopback. Prints queries/s, p50/p99 latency and the ratio, plus RSS and the
 * memory cost of one more space. Never asserted; run as root (port 53, dnsmasq):
 *
 *   npx tsc -b && node bench/dist/dns.js [--seconds 5] [--clients 32] [--spaces 100]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as packet from 'dns-packet';
import { DnsProcess, type DnsServerFeed } from '@cove/platform';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    clients: { type: 'string', default: '32' },
    spaces: { type: 'string', default: '100' },
    apps: { type: 'string', default: '50' },
  },
});
const SECONDS = Number(values.seconds);
const CLIENTS = Number(values.clients);
const EXTRA_SPACES = Number(values.spaces);
const APPS = Number(values.apps);
const PORT = 53;
const NET = `127.55.${1 + Math.floor(Math.random() * 254)}`;
const COVE = `${NET}.1`;
const DNSMASQ = `${NET}.2`;

/** APPS apps, each with web.1..3 up: every dyno name and every formation name. */
function names(): { feed: DnsServerFeed; hosts: string; queries: string[] } {
  const dynos = (a: number) => [1, 2, 3].map((n) => ({ type: 'web', number: n, privateIp: `10.0.${128 + a}.${10 + n}`, up: true }));
  const apps = Array.from({ length: APPS }, (_, a) => ({ name: `app${a}`, internalRouting: false, domains: [], dynos: dynos(a) }));
  const feed: DnsServerFeed = { publicDomains: [], spaces: [{ spaceId: 'bench', internalRouterAddress: '10.0.0.10', publicRouterAddress: null, apps }] };
  const lines: string[] = [];
  const queries: string[] = [];
  for (const app of apps) {
    for (const d of app.dynos) {
      lines.push(`${d.privateIp} ${d.number}.web.${app.name}.app.localspace web.${app.name}.app.localspace`);
      queries.push(`${d.number}.web.${app.name}.app.localspace`);
    }
    queries.push(`web.${app.name}.app.localspace`);
  }
  return { feed, hosts: `${lines.join('\n')}\n`, queries };
}

interface Result {
  readonly qps: number;
  readonly p50: number;
  readonly p99: number;
  readonly lost: number;
}

/** CLIENTS closed-loop UDP clients, each with one query in flight, for SECONDS. */
async function load(address: string, queries: string[]): Promise<Result> {
  const encoded = queries.map((name) => packet.encode({ type: 'query', id: 0, flags: packet.RECURSION_DESIRED, questions: [{ type: 'A', name }] }));
  const latencies: number[] = [];
  let lost = 0;
  let measuring = false;
  let running = true;
  const sockets = await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      const socket = dgram.createSocket('udp4');
      socket.bind(0, '127.0.0.1');
      await once(socket, 'listening');
      let i = c;
      let sentAt = 0n;
      let timer: NodeJS.Timeout | undefined;
      const send = (): void => {
        if (!running) return;
        const msg = encoded[i++ % encoded.length] as Buffer;
        msg.writeUInt16BE(i & 0xffff, 0);
        sentAt = process.hrtime.bigint();
        socket.send(msg, PORT, address);
        timer = setTimeout(() => {
          lost++;
          send();
        }, 1000);
      };
      socket.on('message', () => {
        clearTimeout(timer);
        if (measuring) latencies.push(Number(process.hrtime.bigint() - sentAt) / 1e6);
        send();
      });
      return { socket, send, stop: () => clearTimeout(timer) };
    }),
  );
  for (const s of sockets) s.send();
  await new Promise((r) => setTimeout(r, 1000));
  measuring = true;
  const start = process.hrtime.bigint();
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  measuring = false;
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  running = false;
  for (const s of sockets) {
    s.stop();
    s.socket.close();
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { qps: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), lost };
}

async function rssKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
}

async function main(): Promise<void> {
  const { feed, hosts, queries } = names();
  const dir = await mkdtemp(join(tmpdir(), 'cove-bench-dns-'));
  const hostsFile = join(dir, 'hosts');
  await writeFile(hostsFile, hosts);
  let dnsmasq: ChildProcess | null = null;
  const cove = new DnsProcess({ upstreams: [], dir: join(dir, 'cove-dns') });
  try {
    await cove.start();
    await cove.update(feed);
    // The child binds its own sockets (here, in its own namespace).
    await cove.attach('bench', { netns: null, address: COVE, port: PORT });
    dnsmasq = spawn('dnsmasq', [
      '-k', '-C', '/dev/null', '--no-resolv', '--no-hosts', '--bind-interfaces', `--listen-address=${DNSMASQ}`, `--port=${PORT}`,
      `--addn-hosts=${hostsFile}`, '--local=/localspace/', '--pid-file=', '--local-ttl=1',
    ], { stdio: ['ignore', 'ignore', 'inherit'] });
    // Wait until dnsmasq answers.
    const probe = packet.encode({ type: 'query', id: 1, questions: [{ type: 'A', name: queries[0] ?? '' }] });
    for (let tries = 0; ; tries++) {
      const socket = dgram.createSocket('udp4');
      const answered = await new Promise<boolean>((resolve) => {
        socket.once('message', () => resolve(true));
        setTimeout(() => resolve(false), 100);
        socket.send(probe, PORT, DNSMASQ);
      });
      socket.close();
      if (answered) break;
      if (tries > 50) throw new Error('Cannot start dnsmasq: no answer on ' + DNSMASQ);
    }

    process.stdout.write(`DNS benchmark: ${queries.length} names, ${CLIENTS} concurrent UDP clients, ${SECONDS} s each, loopback\n`);
    const dm = await load(DNSMASQ, queries);
    const cv = await load(COVE, queries);
    const row = (name: string, r: Result): string =>
      `  ${name.padEnd(8)} ${r.qps.toFixed(0).padStart(8)} q/s   p50 ${r.p50.toFixed(3)} ms   p99 ${r.p99.toFixed(3)} ms   lost ${r.lost}\n`;
    process.stdout.write(row('dnsmasq', dm) + row('cove', cv));
    process.stdout.write(`  ratio cove/dnsmasq: ${(cv.qps / dm.qps).toFixed(2)}x queries/s, ${(cv.p99 / dm.p99).toFixed(2)}x p99\n`);

    const covePid = cove.pid ?? 0;
    const before = await rssKb(covePid);
    process.stdout.write(`RSS: cove dns ${(before / 1024).toFixed(1)} MB (1 space), dnsmasq ${((await rssKb(dnsmasq.pid ?? 0)) / 1024).toFixed(1)} MB (one per space)\n`);
    // Memory per extra space: sockets on more loopback addresses, and each space's names.
    const spaces = [...feed.spaces];
    for (let s = 0; s < EXTRA_SPACES; s++) {
      const id = `bench-${s}`;
      spaces.push({ ...feed.spaces[0]!, spaceId: id });
      await cove.attach(id, { netns: null, address: `${NET}.${10 + s}`, port: PORT });
    }
    await cove.update({ ...feed, spaces });
    await load(`${NET}.10`, queries.slice(0, 10)).catch(() => undefined);
    const afterRss = await rssKb(covePid);
    process.stdout.write(
      `  +${EXTRA_SPACES} spaces of ${APPS} apps: cove dns ${(afterRss / 1024).toFixed(1)} MB, ` +
        `${((afterRss - before) / EXTRA_SPACES).toFixed(0)} kB per space\n`,
    );
  } finally {
    await cove.close().catch(() => undefined);
    if (dnsmasq !== null && dnsmasq.exitCode === null) {
      dnsmasq.kill('SIGTERM');
      await once(dnsmasq, 'exit');
    }
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
