/**
 * The router tests' dyno app (Node, no dependencies): echoes what the router sent as JSON;
 * `/hang` never answers, `/close` closes without answering, `/cut` closes halfway through its
 * answer, `/unlisten` stops taking connections for 6 s (the dyno stays up), `/slow` answers after
 * 200 ms, and
 * `/get?host,port,hostHeader` makes a request from the dyno and answers with its result; an
 * Upgrade request is switched (101) and echoes what it receives.
 */
export const ROUTER_APP = `
const http = require('http');
const server = http.createServer((q, s) => {
  if (q.url.startsWith('/hang')) return;
  if (q.url === '/close') return q.socket.destroy();
  if (q.url === '/cut') {
    s.writeHead(200, { 'content-type': 'text/plain', 'content-length': '1000' });
    s.write('the first part');
    return setTimeout(() => q.socket.destroy(), 100);
  }
  if (q.url === '/unlisten') {
    // Once this answer is out, also the router's kept-alive connections go.
    s.end('closing', () => server.close());
    setTimeout(() => server.closeIdleConnections(), 100);
    return setTimeout(() => server.listen(process.env.PORT), 6000);
  }
  if (q.url.startsWith('/slow')) return setTimeout(() => s.end(process.env.DYNO), 200);
  if (q.url.startsWith('/get')) {
    const [host, port, hostHeader] = q.url.split('?')[1].split(',');
    const c = http.get({ host, port, headers: { host: hostHeader }, timeout: 1500 }, (r) => {
      let d = ''; r.on('data', (x) => d += x); r.on('end', () => s.end(JSON.stringify({ status: r.statusCode, body: d })));
    });
    c.on('timeout', () => c.destroy(new Error('timeout')));
    c.on('error', (e) => s.end(JSON.stringify({ error: e.message })));
    return;
  }
  s.setHeader('content-type', 'application/json');
  s.end(JSON.stringify({ dyno: process.env.DYNO, headers: q.headers }));
});
server.listen(process.env.PORT).on('upgrade', (q, socket) => {
  const accept = require('crypto').createHash('sha1').update(q.headers['sec-websocket-key'] + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
  socket.write('HTTP/1.1 101 Switching Protocols\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Accept: ' + accept + '\\r\\n\\r\\n');
  socket.on('data', (d) => socket.write(d));
  socket.on('end', () => socket.end());
});
`;
