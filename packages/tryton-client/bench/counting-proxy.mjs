// A TCP pass-through on 127.0.0.1 that counts the connections opened through it: the bench
// puts it in front of a server to see how many TCP connections a client really opens.
import { connect, createServer } from 'node:net';

/**
 * Forwards every connection to `target` (`http://host:port`). `opened` counts connections,
 * `peak` is the most open at once.
 */
export async function startCountingProxy(target) {
  const { hostname, port } = new URL(target);
  const sockets = new Set();
  const proxy = { opened: 0, open: 0, peak: 0, url: '', close: undefined };
  const server = createServer((inbound) => {
    proxy.opened++;
    proxy.peak = Math.max(proxy.peak, ++proxy.open);
    const outbound = connect(Number(port), hostname);
    // A connection ends when either side ends it: trytond closes its side after each answer,
    // and the client's side may only notice an instant later.
    let ended = false;
    const end = () => {
      if (!ended) proxy.open--;
      ended = true;
    };
    inbound.on('close', end);
    outbound.on('end', end);
    outbound.on('close', end);
    for (const socket of [inbound, outbound]) {
      socket.setNoDelay(true);
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        inbound.destroy();
        outbound.destroy();
      });
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${server.address().port}`;
  proxy.close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
  return proxy;
}
