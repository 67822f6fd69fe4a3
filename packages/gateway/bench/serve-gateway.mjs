// Starts the gateway of the build at argv[2] (a dist/index.js) with its cache off, prints its
// URL on one line and serves until stdin closes: each build in its own process, since two
// builds in one would share type-graphql's global metadata (deep-page.mjs).
const build = await import(process.argv[2]);
const gateway = await build.startGateway(
  build.loadConfig({
    PORT: '0',
    TRYTON_URL: process.env.TRYTON_URL,
    TRYTON_DATABASE: process.env.TRYTON_DATABASE,
    TRYTON_GATEWAY_PASSWORD: process.env.TRYTON_GATEWAY_PASSWORD,
    CACHE_TTL_SECONDS: '0',
    QUOTA_BUCKET_SIZE: '100000000',
    LOG_LEVEL: 'silent',
  }),
);
process.stdout.write(`${gateway.url}\n`);
process.stdin.resume();
process.stdin.on('end', async () => {
  await gateway.stop();
  process.exit(0);
});
