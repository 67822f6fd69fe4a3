# The gateway image, built from the pnpm workspace: multi-stage, production dependencies only,
# non-root. Build from the repository root: docker build -f deploy/gateway.Dockerfile .
FROM node:20-bookworm-slim AS build
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH CI=true
RUN npm install -g pnpm@10.34.9
WORKDIR /src
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json tsconfig.base.json ./
COPY packages/tryton-client/package.json packages/tryton-client/
COPY packages/gateway/package.json packages/gateway/
RUN pnpm install --frozen-lockfile --filter @portal/gateway...
COPY packages/tryton-client packages/tryton-client
COPY packages/gateway packages/gateway
RUN pnpm --filter @portal/tryton-client build && pnpm --filter @portal/gateway build \
 && pnpm --filter @portal/gateway deploy --prod --legacy /out

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY --from=build --chown=node:node /out /app
# portal-check (docs/operations.md): `docker compose exec gateway portal-check`.
RUN printf '#!/bin/sh\nexec node /app/bin/portal-check.mjs "$@"\n' > /usr/local/bin/portal-check \
 && chmod 0755 /usr/local/bin/portal-check
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=5s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:4000/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/main.js"]
