import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { graphqlDocuments } from './graphql-documents';

/**
 * The rater survey's server renderer (src/survey-server.tsx) for the gateway: one CommonJS file,
 * dist/ssr/survey-server.cjs, with React, Mantine and react-intl bundled in (the gateway needs
 * none of the dashboard's packages). The gateway never serves dist/ssr/.
 */
export default defineConfig({
  plugins: [graphqlDocuments(), react()],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: 'src/survey-server.tsx',
    outDir: 'dist/ssr',
    emptyOutDir: true,
    sourcemap: false,
    minify: false,
    rollupOptions: { output: { format: 'cjs', entryFileNames: 'survey-server.cjs' } },
  },
});
