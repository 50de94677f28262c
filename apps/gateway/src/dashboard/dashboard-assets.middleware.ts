import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

export const DASHBOARD_DIR = Symbol('DASHBOARD_DIR');

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
 * - `/survey/:token` gets `survey.html`, the rater survey's own small page (no HR console, no
 *   Apollo Client), revalidated on every visit;
 * - everything else (index.html, the SPA fallback) is left to the static server, revalidated on
 *   every visit so a new release is picked up at once.
 */
@Injectable()
export class DashboardAssetsMiddleware implements NestMiddleware {
  constructor(@Inject(DASHBOARD_DIR) private readonly dir: string | null) {}

  use(req: Request, res: Response, next: NextFunction): void {
    if (!this.dir || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    // Nest mounts middleware on a path, so `req.path` is relative to it: read the original URL.
    const path = decodeURIComponent((req.originalUrl ?? req.url).split('?')[0]);
    if (path.endsWith('.map')) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    if (path.startsWith('/survey/')) {
      const page = join(this.dir, 'survey.html');
      if (!existsSync(page)) return next();
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Cache-Control', 'no-cache');
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      createReadStream(page).pipe(res);
      return;
    }
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
}
