// The harness's two small proxies, on loopback only (issue 17):
//   tcpProxy     in front of Tryton: passes bytes through, optionally late (the "Tryton slow"
//                scenario: every request reaches Tryton `delayMs` after it was sent), or
//                refuses everything (the "Tryton down" scenario in CI: connections reset);
//   httpBalancer in front of gateway replicas: round robin over the replicas whose /healthz
//                answers 200, one retry on another replica when a connection is refused
//                before anything was sent (what traefik does), and a count of the 5xx it saw.
import { createServer as createHttpServer, request } from 'node:http';
import { createConnection, createServer } from 'node:net';

const listen = (server) =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server.address().port));
  });

/** A TCP proxy to `target` (`{ host, port }`) on a free loopback port. */
export async function tcpProxy(target) {
  const sockets = new Set();
  let delayMs = 0;
  let down = false;
  const server = createServer((client) => {
    if (down) return client.destroy();
    const upstream = createConnection(target);
    sockets.add(client);
    sockets.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    // Each chunk leaves `delayMs` after it arrived: the order is kept, a request is late by
    // the delay once, however many chunks it takes.
    client.on('data', (chunk) => {
      if (delayMs === 0) upstream.write(chunk);
      else setTimeout(() => upstream.writable && upstream.write(chunk), delayMs);
    });
    upstream.pipe(client);
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    /** Every request reaches the target `ms` late from now on (0: at once). */
    setDelay(ms) {
      delayMs = ms;
    },
    /** Down: open connections are cut and new ones reset, as a crashed server's would be. */
    setDown(value) {
      down = value;
      if (down) for (const socket of sockets) socket.destroy();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * An HTTP load balancer over `replicas` (base URLs) on a free loopback port. It polls each
 * replica's `healthPath` every `checkMs` and sends requests only to those answering 200 (a
 * draining gateway answers 503), round robin. `healthPath: null` (Tryton's workers, which
 * have no health page): round robin over all, a refused connection sent elsewhere once.
 */
export async function httpBalancer(replicas, { checkMs = 250, healthPath = '/healthz' } = {}) {
  const healthy = new Map(replicas.map((url) => [url, true]));
  const statuses = new Map();
  let next = 0;
  const check = async () => {
    await Promise.all(
      [...healthy.keys()].map(async (url) => {
        try {
          const res = await fetch(`${url}${healthPath}`, { signal: AbortSignal.timeout(1000) });
          await res.arrayBuffer();
          healthy.set(url, res.ok);
        } catch {
          healthy.set(url, false);
        }
      }),
    );
  };
  const timer = healthPath ? setInterval(() => check().catch(() => {}), checkMs) : undefined;
  const pick = (exclude) => {
    const up = [...healthy].filter(([url, ok]) => ok && url !== exclude).map(([url]) => url);
    const pool = up.length ? up : [...healthy.keys()].filter((url) => url !== exclude);
    return pool[next++ % pool.length];
  };
  const forward = (req, res, body, target, retried) => {
    const upstream = request(
      `${target}${req.url}`,
      { method: req.method, headers: req.headers },
      (answer) => {
        const status = answer.statusCode ?? 502;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        res.writeHead(status, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      // Refused before a byte was sent: safe to send elsewhere, once.
      if (!retried && error.code === 'ECONNREFUSED') {
        healthy.set(target, false);
        return forward(req, res, body, pick(target), true);
      }
      statuses.set(502, (statuses.get(502) ?? 0) + 1);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('bad gateway');
    });
    upstream.end(body);
  };
  const server = createHttpServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => forward(req, res, Buffer.concat(chunks), pick(), false));
  });
  server.keepAliveTimeout = 30_000;
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    /** Answers by status seen from the replicas (502: a replica failed the connection). */
    statuses: () => Object.fromEntries(statuses),
    async close() {
      clearInterval(timer);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
