# One image for both roles: `server` (API + client) and `worker` (mail queues).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY worker/package.json worker/
COPY client/package.json client/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:client
ENV NODE_ENV=production
EXPOSE 3000
CMD ["npx", "tsx", "server/src/main.ts", "--role=server"]
