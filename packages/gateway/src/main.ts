import { ConfigError, loadConfig } from './config.js';
import { startGateway } from './server.js';

/** The gateway process: configuration from the environment, drained and stopped on SIGTERM. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const gateway = await startGateway(config);
  // The first SIGTERM or SIGINT drains (config.shutdown); a second one, or a stop that
  // overruns its deadline by 5 s, exits at once.
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    const { delayMs, timeoutMs } = config.shutdown;
    setTimeout(() => process.exit(1), delayMs + timeoutMs + 5000).unref();
    gateway.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`gateway failed to start: ${(error as Error)?.message ?? String(error)}\n`);
  process.exit(1);
});
