# One image for both roles: `server` (API + client) and `worker` (mail queues).
# Production runs the compiled JavaScript under node, with node itself as PID 1: SIGTERM
# reaches the app (no npm, npx or tsx in between to swallow it) and starts its drain.

# --- build: dependencies, then shared/worker/server compiled to */dist and the client to client/dist
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY worker/package.json worker/
COPY client/package.json client/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# --- runtime: production dependencies, compiled code, migrations and the built client
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/shared ./shared
COPY --from=build /app/worker ./worker
COPY --from=build /app/server ./server
COPY --from=build /app/client/package.json ./client/
COPY --from=build /app/client/dist ./client/dist
# DATA_DIR (local mail outbox, generated files) belongs to the unprivileged user the app runs as.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# The worker's command: ["node", "--conditions=convene-dist", "worker/dist/main.js"] (docker-compose.yml).
CMD ["node", "--conditions=convene-dist", "server/dist/main.js", "--role=server"]
