import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

interface Chunk {
  type: 'chunk';
  fileName: string;
  code: string;
  isEntry: boolean;
  isDynamicEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  viewedCss?: Set<string>;
}

/**
 * Prints, after `vite build`, the JavaScript each route downloads before it can show anything:
 * the entry chunk plus the route's lazily loaded page module and everything they import
 * statically, raw, gzip and brotli. Written to `dist/route-sizes.json` as well; the survey's budget
 * (150 KB compressed) is checked by the browser test.
 */
export function routeSizes(): Plugin {
  return {
    name: 'leaderscope-route-sizes',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk') as unknown as Chunk[];
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const closure = (start: Chunk[]): Set<string> => {
        const seen = new Set<string>();
        const visit = (c: Chunk) => {
          if (seen.has(c.fileName)) return;
          seen.add(c.fileName);
          for (const i of c.imports) if (byName.has(i)) visit(byName.get(i)!);
        };
        start.forEach(visit);
        return seen;
      };
      const entry = chunks.find((c) => c.isEntry && !/survey(-main\.tsx|\.html)$/.test(c.facadeModuleId ?? ''))!;
      const surveyEntry = chunks.find((c) => c.isEntry && /survey(-main\.tsx|\.html)$/.test(c.facadeModuleId ?? ''));
      const routes = chunks.filter((c) => c.isDynamicEntry && c.facadeModuleId && /\/pages\//.test(c.facadeModuleId));
      const size = (files: Set<string>) => {
        let raw = 0;
        let gzip = 0;
        let brotli = 0;
        for (const f of files) {
          const code = Buffer.from(byName.get(f)!.code);
          raw += code.length;
          gzip += gzipSync(code, { level: 9 }).length;
          brotli += brotliCompressSync(code).length;
        }
        return { files: files.size, raw, gzip, brotli };
      };
      if (process.env.ROUTE_SIZES_DETAIL) {
        const route = routes.find((r) => r.facadeModuleId!.includes(process.env.ROUTE_SIZES_DETAIL!));
        const per = new Map<string, number>();
        const start = process.env.ROUTE_SIZES_DETAIL === 'survey' && surveyEntry ? [surveyEntry] : route ? [entry, route] : [entry];
        for (const f of closure(start)) {
          for (const [id, m] of Object.entries(
            (byName.get(f) as unknown as { modules: Record<string, { renderedLength: number }> }).modules,
          )) {
            const key = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(id)?.[1] ?? id.replace(/^.*\/src\//, 'src/');
            per.set(key, (per.get(key) ?? 0) + m.renderedLength);
          }
        }
        console.log(
          [...per]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 25)
            .map(([k, v]) => `${k} ${(v / 1024).toFixed(1)} KB`)
            .join('\n'),
        );
      }
      const rows = [
        { route: 'shell (every page)', ...size(closure([entry])) },
        ...routes.map((r) => ({
          route: r.facadeModuleId!.replace(/^.*\/pages\//, '').replace(/\.tsx?$/, ''),
          ...size(closure([entry, r])),
        })),
        // The rater survey is its own page (survey.html): what a rater's phone downloads.
        ...(surveyEntry ? [{ route: 'SurveyPage (survey.html)', ...size(closure([surveyEntry])) }] : []),
      ];
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
      const lines = rows.map((r) => `${r.route.padEnd(22)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}   ${r.files} files`);
      console.log(
        `\nJavaScript per route (before the page can render)\n${'route'.padEnd(22)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}\n${lines.join('\n')}\n`,
      );
      this.emitFile({ type: 'asset', fileName: 'route-sizes.json', source: JSON.stringify(rows, null, 2) });
    },
  };
}
