import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The login page must stay small (≤ 350 KB gzip before login): pages are lazy routes, and only the
 * libraries every screen needs (React, the router, TanStack Query) are grouped into one long-lived
 * chunk. antd is left to the automatic splitter so the login page pulls only the components it uses.
 */
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react-vendor', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/, priority: 2 },
          ],
        },
      },
    },
  },
});
