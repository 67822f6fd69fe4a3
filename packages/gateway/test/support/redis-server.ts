import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { freePort, holdsListener } from '@portal/devstack';
import { Redis } from 'ioredis';

async function answersPing(port: number): Promise<boolean> {
  return await new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(200);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** redis-server exited at once: its port is another process's. */
class PortTaken extends Error {}

/**
 * A redis-server of the test's own (no persistence) on a free loopback port, which the test
 * can pause (SIGSTOP: a hung Redis that never answers), stop and start again on the same port.
 */
export class TestRedis {
  private process: ChildProcess | undefined;
  /** A client of the test's own, to look at what the gateway wrote. */
  readonly client: Redis;

  private constructor(readonly port: number) {
    this.client = new Redis({
      port,
      host: '127.0.0.1',
      lazyConnect: true,
      maxRetriesPerRequest: 1,
    });
    this.client.on('error', () => {});
  }

  static async start(): Promise<TestRedis> {
    // A port found free may be taken by another test's server before redis-server binds it:
    // then try another one.
    for (let attempt = 1; ; attempt++) {
      const redis = new TestRedis(await freePort());
      try {
        await redis.restart();
        return redis;
      } catch (error) {
        await redis.stop();
        redis.client.disconnect();
        if (!(error instanceof PortTaken) || attempt === 5) throw error;
      }
    }
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /**
   * Starts the server (again) on the same port and resolves once it answers, and holds the
   * port: a Redis of another test answering there is not this one.
   */
  async restart(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    this.process = child;
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (child.exitCode !== null)
        throw new PortTaken(`redis-server could not have port ${this.port}`);
      if (
        (await answersPing(this.port)) &&
        (await holdsListener(child.pid as number, this.port)) !== false
      )
        return;
      if (Date.now() > deadline) throw new Error(`redis-server did not start on ${this.port}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  pause(): void {
    this.process?.kill('SIGSTOP');
  }

  resume(): void {
    this.process?.kill('SIGCONT');
  }

  /** SIGKILL (works on a paused server too), resolved once the process is gone. */
  async stop(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** The keys under `prefix` (SCAN: fine in a test's own Redis). */
  async keys(prefix: string): Promise<string[]> {
    if (this.client.status === 'wait' || this.client.status === 'end') await this.client.connect();
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await this.client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      found.push(...batch);
    } while (cursor !== '0');
    return found;
  }

  async close(): Promise<void> {
    this.client.disconnect();
    await this.stop();
  }
}

/** Polls `check` until it holds (real time: for processes, not for quota arithmetic). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
