// A minimal keep-alive HTTP reverse proxy, as Traefik is in production. trytond 6.0 runs on
// Werkzeug's server, which answers every request with `Connection: close`, so no client can
// reuse a connection to it directly; behind this front, a client's connections stay open.
import { createServer } from 'node:http';
import { request } from 'undici';

/** Forwards each POST to `target` and answers on the client's kept-alive connection. */
export async function startKeepAliveFront(target) {
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const headers = { 'content-type': 'application/json' };
    if (req.headers.authorization) headers.authorization = req.headers.authorization;
    const answer = await request(`${target}${req.url}`, {
      method: 'POST',
      headers,
      body: Buffer.concat(chunks),
    });
    const body = Buffer.from(await answer.body.arrayBuffer());
    res.writeHead(answer.statusCode, {
      'content-type': answer.headers['content-type'] ?? 'application/json',
      'content-length': body.length,
    });
    res.end(body);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
