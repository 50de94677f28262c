import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { graphqlDocuments } from './graphql-documents';
import { routeSizes } from './route-sizes';

export default defineConfig({
  plugins: [graphqlDocuments(), react(), routeSizes()],
  server: {
    proxy: { '/graphql': 'http://127.0.0.1:4000', '/health': 'http://127.0.0.1:4000' },
  },
  build: { outDir: 'dist', sourcemap: true },
});
