import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const CHARTS = /node_modules[\\/](@fluentui[\\/](react-charts|chart-utilities)|d3-[a-z-]+|internmap)[\\/]/;

const root = fileURLToPath(new URL('.', import.meta.url));
// `vite --config tab/vite.config.ts` (dev server) forwards API calls to a running Practica server.
const apiTarget = process.env.PRACTICA_API_URL ?? 'http://localhost:3978';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'teams-js', test: /node_modules[\\/]@microsoft[\\/]teams-js[\\/]/, priority: 3 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            // Charts (and d3) are only on pages that draw them: a chunk of their own, loaded with those pages;
            // the Fluent components they share with every page stay in the fluent chunk (higher priority).
            { name: 'charts', test: CHARTS, priority: 1 },
            {
              name: 'fluent',
              test: (id: string) => /node_modules[\\/]/.test(id) && !CHARTS.test(id),
              priority: 2,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api/': apiTarget,
      '/dev/': apiTarget,
    },
  },
});
