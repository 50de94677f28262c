import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { UnauthenticatedError } from '../common/errors';

/** Who is calling, resolved from the bearer token. */
export interface Viewer {
  accountId: string;
  organisationId: string;
  personId: string | null;
  email: string;
  isHrAdmin: boolean;
}

export interface RequestContext {
  viewer: Viewer | null;
  ip: string;
  /** The bearer token the viewer was resolved from (to end the session). */
  token?: string | null;
}

export function requestContextOf(context: ExecutionContext): RequestContext {
  if (context.getType<string>() === 'graphql') {
    const gql = GqlExecutionContext.create(context).getContext<{ req?: { leaderscope?: RequestContext }; leaderscope?: RequestContext }>();
    return gql.leaderscope ?? gql.req?.leaderscope ?? { viewer: null, ip: 'unknown' };
  }
  const req = context.switchToHttp().getRequest<{ leaderscope?: RequestContext }>();
  return req.leaderscope ?? { viewer: null, ip: 'unknown' };
}

/** The signed-in viewer; refuses the call with UNAUTHENTICATED when there is none. */
export const CurrentViewer = createParamDecorator((_: unknown, context: ExecutionContext): Viewer => {
  const viewer = requestContextOf(context).viewer;
  if (!viewer) throw new UnauthenticatedError();
  return viewer;
});

/** The bearer token the request came with (null without one): to end its session, or tie a download ticket to it. */
export const SessionToken = createParamDecorator(
  (_: unknown, context: ExecutionContext): string | null => requestContextOf(context).token ?? null,
);

/** The caller's address, for rate limits on anonymous operations. */
export const ClientIp = createParamDecorator((_: unknown, context: ExecutionContext): string => requestContextOf(context).ip);
