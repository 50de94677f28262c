import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
 * statically, raw, gzip and brotli. Written to `dist/route-sizes.json` as well (the gateway does not
 * serve it). A page built on its own may carry a budget in KB brotli: the build fails above it (the
 * browser test checks the survey's budget again, as served).
 */
export function routeSizes(page?: string, budgetKb?: number): Plugin {
  let outDir = 'dist';
  let pageRow: Record<string, unknown> | null = null;
  return {
    name: 'leaderscope-route-sizes',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    // A page built on its own (the rater survey) adds its row to what the dashboard's build wrote.
    writeBundle() {
      if (!page || !pageRow) return;
      const file = join(outDir, 'route-sizes.json');
      const rows = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { route: string }[]) : [];
      writeFileSync(file, JSON.stringify([...rows.filter((r) => r.route !== page), pageRow], null, 2));
    },
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
      const entry = chunks.find((c) => c.isEntry)!;
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
      if (page) {
        const files = closure([entry]);
        pageRow = { route: page, ...size(files) };
        const { raw, gzip, brotli } = pageRow as { raw: number; gzip: number; brotli: number };
        console.log(
          `\n${page}: ${files.size} file(s), ${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip, ${(brotli / 1024).toFixed(1)} KB brotli\n`,
        );
        if (budgetKb !== undefined && brotli / 1024 > budgetKb)
          this.error(`${page}: ${(brotli / 1024).toFixed(1)} KB brotli is over its budget of ${budgetKb} KB (issue #14)`);
        return;
      }
      if (process.env.ROUTE_SIZES_DETAIL) {
        const route = routes.find((r) => r.facadeModuleId!.includes(process.env.ROUTE_SIZES_DETAIL!));
        const per = new Map<string, number>();
        for (const f of closure(route ? [entry, route] : [entry])) {
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
