# One image for the API and the worker (and the `mutu` CLI); the command picks the process.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN node scripts/build.js && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/tsconfig.json ./tsconfig.json
COPY --from=build /app/workflows ./workflows
COPY --from=build /app/libs ./libs
USER node
ENV MUTU_WORKFLOW_BUNDLE=/app/dist/workflow-bundle.js
CMD ["node", "-r", "./scripts/register-dist.js", "dist/apps/api/src/main.js"]
