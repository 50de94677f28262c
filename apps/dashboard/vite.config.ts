import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { graphqlDocuments } from './graphql-documents';
import { precompress } from './precompress';
import { routeSizes } from './route-sizes';

export default defineConfig({
  plugins: [graphqlDocuments(), react(), routeSizes(), precompress()],
  server: {
    proxy: {
      '/graphql': 'http://127.0.0.1:4000',
      '/health': 'http://127.0.0.1:4000',
      '/reports': 'http://127.0.0.1:4000',
      '/exports': 'http://127.0.0.1:4000',
    },
  },
  // Source maps are written for error tooling but not referenced from the bundles; the gateway never serves them.
  // The rater survey (survey.html) is built on its own by vite.survey.config.ts.
  build: { outDir: 'dist', sourcemap: 'hidden' },
});
