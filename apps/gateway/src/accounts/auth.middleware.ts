import { Injectable, NestMiddleware } from '@nestjs/common';
import { AuthService, bearerToken } from './auth.service';
import { RequestContext } from '../access/viewer';

/** Resolves the bearer token (if any) once per HTTP request. */
@Injectable()
export class AuthMiddleware implements NestMiddleware {
  constructor(private readonly auth: AuthService) {}

  async use(
    req: { headers: Record<string, unknown>; ip?: string; leaderscope?: RequestContext },
    _res: unknown,
    next: (error?: unknown) => void,
  ) {
    try {
      const token = bearerToken(req.headers.authorization);
      req.leaderscope = { viewer: await this.auth.resolve(token), ip: req.ip ?? 'unknown', token };
      next();
    } catch (error) {
      next(error);
    }
  }
}
