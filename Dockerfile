# One image for every service; docker-compose.yml picks the service with `command`.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages ./packages
COPY services ./services
COPY web ./web
COPY e2e/package.json ./e2e/package.json
COPY tsconfig.base.json tsconfig.build.json ./
RUN npm ci --no-audit --no-fund && npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app /app
USER node
CMD ["node", "services/api-gateway/dist/main.js"]
