import { readFileSync } from 'node:fs';
import { print, type DocumentNode } from 'graphql';
import type { Plugin } from 'vite';

/**
 * Replaces each `graphql(\`query Name …\`)` call with the document codegen generated for it
 * (`NameDocument` or `NameFragmentDoc` in `src/gql/graphql.ts`), inlined at build time — what the
 * codegen client preset's babel/swc plugins do. Without it every page's bundle carries every
 * operation of every page (`gql.ts` and `graphql.ts` are single modules), the rater's survey included.
 */
export function graphqlDocuments(): Plugin {
  const call = /\bgraphql\(\s*`\s*(query|mutation|subscription|fragment)\s+([A-Za-z_][A-Za-z0-9_]*)[\s\S]*?`\s*\)/g;
  let generated: Map<string, string> | null = null;
  const documents = (root: string) => {
    if (generated) return generated;
    generated = new Map();
    const source = readFileSync(`${root}gql/graphql.ts`, 'utf8');
    for (const m of source.matchAll(/^export const (\w+) = (\{.*\}) as unknown as DocumentNode</gm)) generated.set(m[1], m[2]);
    return generated;
  };
  return {
    name: 'leaderscope-graphql-documents',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.tsx?$/.test(id) || id.includes('/src/gql/') || !code.includes('graphql(`')) return null;
      const docs = documents(id.slice(0, id.indexOf('/src/') + 5));
      let replaced = 0;
      let out = code.replace(call, (_m, kind: string, name: string) => {
        const exported = kind === 'fragment' ? `${name}FragmentDoc` : `${name}Document`;
        const doc = docs.get(exported);
        if (!doc) throw new Error(`${id}: no generated document ${exported} — run \`npm run codegen -w @leaderscope/dashboard\``);
        replaced++;
        return `(${doc} as any)`;
      });
      if (replaced === 0) return null;
      out = out.replace(/import\s*\{\s*graphql\s*\}\s*from\s*['"][./]+gql['"];?/, '');
      return { code: out, map: null };
    },
  };
}

/**
 * Writes into survey.html (at `<!--survey-prefetch-->`) a small inline script that starts the
 * survey's GraphQL request as soon as the page arrives, in parallel with the scripts; the survey
 * page takes its answer (`takePrefetchedSurvey`). The query is the generated `RaterSurvey` document.
 */
export function surveyPrefetch(): Plugin {
  let root = '';
  return {
    name: 'leaderscope-survey-prefetch',
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml(html) {
      if (!html.includes('<!--survey-prefetch-->')) return html;
      const source = readFileSync(`${root}/src/gql/graphql.ts`, 'utf8');
      const json = /^export const RaterSurveyDocument = (\{.*\}) as unknown as DocumentNode</m.exec(source)?.[1];
      if (!json) throw new Error('no generated RaterSurveyDocument — run `npm run codegen -w @leaderscope/dashboard`');
      const query = print(JSON.parse(json) as DocumentNode);
      const script =
        `(function(){var m=/^\\/survey\\/([^\\/?#]+)/.exec(location.pathname);if(!m)return;var t=decodeURIComponent(m[1]);` +
        `var r=fetch('/graphql',{method:'POST',headers:{'content-type':'application/json',accept:'application/json'},` +
        `body:JSON.stringify({query:${JSON.stringify(query)},variables:{token:t}})});r.catch(function(){});` +
        `window.__surveyPrefetch={token:t,response:r};})();`;
      return html.replace('<!--survey-prefetch-->', `<script>${script}</script>`);
    },
  };
}
