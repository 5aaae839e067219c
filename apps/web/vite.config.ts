import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The page and the GraphiQL IDE, built into dist/web beside the API, which serves the page at `/`
 * (apps/api/src/web/page.ts) and the IDE at a browser's GET of /graphql outside production
 * (apps/api/src/web/ide.ts). Both come from installed packages only: nothing loads from a CDN.
 */
export default defineConfig({
  root: here('.'),
  plugins: [react()],
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    // Every asset a file of its own: the page's Content-Security-Policy allows no data: URLs.
    assetsInlineLimit: 0,
    target: 'es2022',
    rolldownOptions: { input: { page: here('index.html'), graphiql: here('graphiql/index.html') } },
  },
  test: {
    root: here('.'),
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['src/testing/setup.ts'],
    // Component tests render in jsdom, which is slow to start on a busy machine.
    testTimeout: 30_000,
  },
});
