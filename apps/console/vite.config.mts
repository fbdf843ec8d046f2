import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * The console is built into dist/console, which the API serves under /console. No React plugin:
 * Vite's own transform compiles TSX (automatic runtime); fast refresh is not needed to build.
 */
export default defineConfig({
  root: here('.'),
  base: '/console/',
  resolve: { alias: { '@contract': here('../../test/support/api-types.ts') } },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: here('../../dist/console'),
    emptyOutDir: true,
    // The polyfill would be an inline script, which the console's CSP refuses; every browser we support has modulepreload.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // Ant Design's modules start with "use client" (for React Server Components), which means nothing in a browser bundle.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: {
    // `npx vite --config apps/console/vite.config.ts` for work on the console, against `npm start` on :3000.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
