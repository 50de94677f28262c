import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { graphqlDocuments, surveyPrefetch } from './graphql-documents';
import { precompress } from './precompress';
import { routeSizes } from './route-sizes';

/**
 * The rater survey's own page (survey.html, served for /survey/:token), built after the dashboard
 * into the same dist/: one script and one style sheet, nothing shared with the HR console, so a
 * phone on a slow network makes few requests before the first question. survey.html starts the
 * survey's GraphQL request itself (`surveyPrefetch`).
 */
export default defineConfig({
  plugins: [graphqlDocuments(), surveyPrefetch(), react(), routeSizes('SurveyPage (survey.html)'), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: 'hidden',
    rollupOptions: {
      input: fileURLToPath(new URL('./survey.html', import.meta.url)),
      output: { inlineDynamicImports: true },
    },
  },
});
