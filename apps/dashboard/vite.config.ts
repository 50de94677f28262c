import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { graphqlDocuments, surveyPrefetch } from './graphql-documents';
import { precompress } from './precompress';
import { routeSizes } from './route-sizes';

export default defineConfig({
  plugins: [graphqlDocuments(), surveyPrefetch(), react(), routeSizes(), precompress()],
  server: {
    proxy: { '/graphql': 'http://127.0.0.1:4000', '/health': 'http://127.0.0.1:4000' },
  },
  // Source maps are written for error tooling but not referenced from the bundles; the gateway never serves them.
  // Two pages: the dashboard (index.html) and the rater survey (survey.html, served for /survey/:token).
  build: {
    outDir: 'dist',
    sourcemap: 'hidden',
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        survey: fileURLToPath(new URL('./survey.html', import.meta.url)),
      },
    },
  },
});
