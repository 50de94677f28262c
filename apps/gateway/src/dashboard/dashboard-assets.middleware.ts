import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { DASHBOARD_DIR } from './dashboard-dir';
import { SurveyPage } from './survey-page';

export { DASHBOARD_DIR };

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

/**
 * How the built dashboard is served, ahead of the static file server:
 * - source maps are never served (they stay on the server for error tooling);
 * - `/assets/*` (file names carry a content hash) are cached for a year as immutable, and sent
 *   brotli- or gzip-compressed from the `.br`/`.gz` files the build writes beside each asset,
 *   whichever the browser accepts;
 * - `/survey/:token` gets the rater survey's own small page (no HR console, no Apollo Client),
 *   with the survey the link opens rendered into it (`SurveyPage`), compressed; never stored
 *   (`no-store`: it names the person being rated) and never sent as a referrer (the link's token is
 *   in its address: `no-referrer`);
 * - the survey's server renderer (`dist/ssr/`) is never served, nor are source maps;
 * - everything else (index.html, the SPA fallback) is left to the static server, revalidated on
 *   every visit so a new release is picked up at once.
 */
@Injectable()
export class DashboardAssetsMiddleware implements NestMiddleware {
  constructor(
    @Inject(DASHBOARD_DIR) private readonly dir: string | null,
    private readonly surveyPage: SurveyPage,
  ) {}

  use(req: Request, res: Response, next: NextFunction): void | Promise<void> {
    if (!this.dir || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    // Nest mounts middleware on a path, so `req.path` is relative to it: read the original URL.
    let path: string;
    try {
      path = decodeURIComponent((req.originalUrl ?? req.url).split('?')[0]);
    } catch {
      return next(); // a malformed address: the static server answers it
    }
    // build output that is not part of the site: source maps, the server renderer, the build's size report
    if (path.endsWith('.map') || path.startsWith('/ssr/') || path === '/route-sizes.json') {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    if (path.startsWith('/survey/')) return this.survey(req, res, next, path).catch(next);
    if (!path.startsWith('/assets/')) return next();
    const file = normalize(join(this.dir, path));
    if (!file.startsWith(normalize(this.dir) + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const encoding =
      /\bbr\b/.test(accepts) && existsSync(`${file}.br`) ? 'br' : /\bgzip\b/.test(accepts) && existsSync(`${file}.gz`) ? 'gzip' : null;
    const sent = encoding ? `${file}.${encoding === 'br' ? 'br' : 'gz'}` : file;
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('Vary', 'Accept-Encoding');
    if (encoding) res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Length', String(statSync(sent).size));
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(sent).pipe(res);
  }

  private async survey(req: Request, res: Response, next: NextFunction, path: string): Promise<void> {
    const token = /^\/survey\/([^/]+)$/.exec(path)?.[1] ?? '';
    // HEAD must not count as a use of the link: it gets the plain page's headers.
    const timing: { open?: number; render?: number } = {};
    const page = req.method === 'HEAD' ? this.surveyPage.shell() : await this.surveyPage.render(token, req.ip ?? 'unknown', timing);
    if (page === null) return next();
    // Where the page's time went (read by the browser test): opening the link, rendering the survey.
    const spent = Object.entries(timing).map(([name, ms]) => `${name};dur=${ms.toFixed(1)}`);
    if (spent.length) res.setHeader('Server-Timing', spent.join(', '));
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Vary', 'Accept-Encoding');
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const accepts = String(req.headers['accept-encoding'] ?? '');
    if (/\bbr\b/.test(accepts)) {
      res.setHeader('Content-Encoding', 'br');
      res.end(await brotli(page, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: page.length } }));
    } else if (/\bgzip\b/.test(accepts)) {
      res.setHeader('Content-Encoding', 'gzip');
      res.end(await gzipped(page, { level: 6 }));
    } else {
      res.end(page);
    }
  }
}
