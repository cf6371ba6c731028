# Practica for hosting outside App Service: docker build -t practica . && docker run -p 3978:3978 --env-file prod.env practica
# Build stage: all dependencies, compiled server (dist/) and built tab (tab/dist/).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# Runtime stage: production dependencies only, what `npm run start:prod` needs, as the unprivileged node user.
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3978
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/tab/dist ./tab/dist
COPY --from=build /app/store/migrations ./store/migrations
# Only for PGlite (no DATABASE_URL): its default data directory must be writable by the node user.
RUN mkdir -p .data && chown node:node .data
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "dist/server/main.js"]
