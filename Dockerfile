# syntax=docker/dockerfile:1
# Backup Lens image: Next.js standalone output (only the traced production files) on a distroless Node.js
# runtime: no shell, no package manager, a non-root numeric user, nothing written outside /tmp and .next/cache
# (mount emptyDirs there; the root file system can be read-only).
#   docker build -t ghcr.io/backup-lens/backup-lens:0.1.0 .
# Not built by this project's CI: the development machine has no container engine.

FROM node:20-bookworm-slim AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx next build \
 && cp -r .next/static .next/standalone/.next/static \
 && cp scripts/server-preload.cjs scripts/baseline-headers.cjs .next/standalone/ \
 && mkdir -p .next/standalone/.next/cache

FROM gcr.io/distroless/nodejs20-debian12:nonroot
WORKDIR /app
# Files stay owned by root and read-only for the app's user.
COPY --from=build /src/.next/standalone ./
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    BACKUP_LENS_HOST=0.0.0.0
# 0.0.0.0 needs BACKUP_LENS_AUTH=token or proxy (or an explicit none): without one the server refuses to start.
USER 65532:65532
EXPOSE 3000
# No shell or curl in a distroless image: the health check is Node's own fetch.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["/nodejs/bin/node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The image's entrypoint is node; the preload sets the listen address and the trusted peer header.
CMD ["-r", "./server-preload.cjs", "server.js"]
