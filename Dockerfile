# One image for the api, the worker and the one-shot commands (seed, migrate, bootstrap); the compose
# files pick the command.
FROM node:20-bookworm-slim AS build
# argon2 is compiled at install (its prebuilt binary crashes on Node 20).
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Development secrets (JWT secret, signing key) are generated here when not given; a named volume
# mounted on it starts with this directory's owner, so the node user can write it.
ENV STATE_DIR=/var/lib/shenzhen-standard
RUN mkdir -p /var/lib/shenzhen-standard && chown node:node /var/lib/shenzhen-standard && chmod 700 /var/lib/shenzhen-standard
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
