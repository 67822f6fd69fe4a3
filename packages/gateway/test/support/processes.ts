import { type ChildProcess, spawn } from 'node:child_process';
import { freePort, holdsListener, stopProcess } from '@portal/devstack';

export interface Finished {
  stdout: string;
  stderr: string;
  code: number | null;
  seconds: number;
}

/**
 * Runs a command to its end; `check` (default) rejects on a non-zero exit with its output.
 * After `timeoutMs` its whole process group is killed (a script's children too), so a slow
 * run never overlaps the next one on the same database.
 */
export async function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; check?: boolean; timeoutMs?: number } = {},
): Promise<Finished> {
  const started = performance.now();
  const child = spawn(command, args, {
    env: options.env ?? process.env,
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const timer = setTimeout(() => {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  }, options.timeoutMs ?? 60_000);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  }).finally(() => clearTimeout(timer));
  const finished = { stdout, stderr, code, seconds: (performance.now() - started) / 1000 };
  if (options.check !== false && code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited with ${code}\n${stdout.slice(-3000)}\n${stderr.slice(-6000)}`,
    );
  }
  return finished;
}

/** A server ended saying its address was in use: another process bound its port first. */
export class PortTaken extends Error {}

/** A long-running process of the test, with the tail of its output for failure messages. */
export class Service {
  private output = '';
  private readonly child: ChildProcess;

  constructor(
    readonly name: string,
    command: string,
    args: string[],
    options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
  ) {
    this.child = spawn(command, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-6000);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /**
   * Polls `ready` until it holds; fails early, with the output, if the process ends
   * (PortTaken when it ended for want of its port).
   */
  async waitUntil(ready: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) {
        const Failure = /address already in use/i.test(this.output) ? PortTaken : Error;
        throw new Failure(`${this.name} exited with ${this.child.exitCode}:\n${this.output}`);
      }
      if (await ready().catch(() => false)) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`${this.name} not ready within ${timeoutMs} ms:\n${this.output}`);
  }

  /** SIGTERM, SIGKILL after 5 s; resolves once the process is gone. */
  async stop(): Promise<void> {
    await stopProcess(this.child);
  }
}

/**
 * Starts `start(port)` on a port found free and resolves once it serves there: `ready`, and
 * its own process holds the port (another test's server may answer on a port found free a
 * moment earlier). When another process took the port first, stops it and tries another
 * port, as startTryton and TestRedis do; five ports at most.
 */
export async function serveOnFreePort(
  start: (port: number) => Service,
  ready: (port: number) => Promise<boolean>,
  timeoutMs = 60_000,
): Promise<{ service: Service; port: number }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const service = start(port);
    const serving = async () =>
      (await ready(port)) && (await holdsListener(service.pid as number, port)) !== false;
    try {
      await service.waitUntil(serving, timeoutMs);
      return { service, port };
    } catch (error) {
      await service.stop();
      if (!(error instanceof PortTaken) || attempt === 5) throw error;
    }
  }
}
