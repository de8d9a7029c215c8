# One image for the API and the worker (and the `mutu` CLI); the command picks the process.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Runtime dependencies only (the PDF report's playwright-core is one of them). The image prints with
# Debian's Chromium (CHROMIUM_PATH below), so the copy @sparticuz/chromium packs for hosts without
# one is dropped.
RUN node scripts/build.js && npm prune --omit=dev && rm -rf node_modules/@sparticuz/chromium/bin

FROM node:20-bookworm-slim
# Debian's Chromium prints the PDF report (GET /programs/:id/report.pdf); fonts for its text.
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-liberation fonts-noto-core \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production
ENV CHROMIUM_PATH=/usr/bin/chromium
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/tsconfig.json ./tsconfig.json
COPY --from=build /app/workflows ./workflows
COPY --from=build /app/libs ./libs
# The web app the API serves under /app/ (found at apps/web/dist from the compiled API).
COPY --from=build /app/apps/web/dist ./apps/web/dist
USER node
ENV MUTU_WORKFLOW_BUNDLE=/app/dist/workflow-bundle.js
CMD ["node", "-r", "./scripts/register-dist.js", "dist/apps/api/src/main.js"]
