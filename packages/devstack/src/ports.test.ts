import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort, holdsListener } from './ports.js';

describe('holdsListener', () => {
  it('tells the process listening on a port from another one', async () => {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as { port: number }).port;
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      expect(await holdsListener(process.pid, port)).toBe(true);
      expect(await holdsListener(other.pid as number, port)).toBe(false);
    } finally {
      other.kill();
      server.close();
    }
  });

  it('is false for a port nobody listens on', async () => {
    expect(await holdsListener(process.pid, await freePort())).toBe(false);
  });
});
