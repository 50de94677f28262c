import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { graphqlDocuments, surveyPrefetch } from './graphql-documents';
import { precompress } from './precompress';
import { routeSizes } from './route-sizes';

/**
 * Writes the survey's style sheet into survey.html (`<style>` instead of `<link>`): one round trip
 * less before the first paint on a slow network. It is the page's critical CSS — the sheet holds
 * only the styles of the components the survey uses (10 KB brotli, in the page's own response).
 */
function inlineCss(): Plugin {
  return {
    name: 'leaderscope-inline-css',
    enforce: 'post',
    apply: 'build',
    generateBundle(_options, bundle) {
      const html = Object.values(bundle).find((f) => f.type === 'asset' && f.fileName === 'survey.html');
      if (!html || html.type !== 'asset') return;
      let page = String(html.source);
      for (const [name, file] of Object.entries(bundle)) {
        if (file.type !== 'asset' || !name.endsWith('.css')) continue;
        const link = new RegExp(`<link rel="stylesheet"[^>]*href="/${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`);
        if (!link.test(page)) continue;
        page = page.replace(link, () => `<style>${String(file.source).replace(/<\/style/gi, '<\\/style')}</style>`);
        delete bundle[name];
      }
      html.source = page;
    },
  };
}

/**
 * The rater survey's own page (survey.html, served for /survey/:token), built after the dashboard
 * into the same dist/: one script, its style sheet inlined, nothing shared with the HR console, so
 * a phone on a slow network makes few requests before the first question. survey.html starts the
 * survey's GraphQL request itself (`surveyPrefetch`); the gateway renders the survey into it
 * (at `<!--survey-ssr-->`, with vite.survey-server.config.ts's bundle).
 */
export default defineConfig({
  plugins: [graphqlDocuments(), surveyPrefetch(), react(), inlineCss(), routeSizes('SurveyPage (survey.html)', 150), precompress()],
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
