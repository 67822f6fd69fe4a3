# The web app: a static Vite build served by unprivileged nginx (port 8080) behind traefik.
# Build from the repository root: docker build -f deploy/web.Dockerfile .
FROM node:20-bookworm-slim AS build
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH CI=true
RUN npm install -g pnpm@10.34.9
WORKDIR /src
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json tsconfig.base.json ./
COPY packages/web/package.json packages/web/
RUN pnpm install --frozen-lockfile --filter @portal/web
COPY docs/schema.graphql docs/schema.graphql
COPY packages/web packages/web
RUN pnpm --filter @portal/web build
# vite.config.ts builds source maps (for local debugging and error reports); the public image
# ships none: drop the .map files and the comments that point browsers to them.
RUN find packages/web/dist -name '*.map' -type f -delete \
 && find packages/web/dist -name '*.js' -type f -exec sed -i '/^\/\/# sourceMappingURL=/d' {} + \
 && find packages/web/dist -name '*.css' -type f -exec sed -i 's#/\*\# sourceMappingURL=[^*]*\*/##' {} + \
 && ! find packages/web/dist -name '*.map' | grep -q .

FROM nginxinc/nginx-unprivileged:1.27-alpine
COPY deploy/web/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /src/packages/web/dist /usr/share/nginx/html
EXPOSE 8080
