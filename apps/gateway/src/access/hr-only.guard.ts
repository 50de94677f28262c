import { applyDecorators, CanActivate, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { UnauthenticatedError } from '../common/errors';
import { AccessPolicy } from './access.policy';
import { requestContextOf } from './viewer';

/** Refuses the call unless the viewer is an HR administrator: before any argument is looked at. */
@Injectable()
export class HrOnlyGuard implements CanActivate {
  constructor(private readonly policy: AccessPolicy) {}

  canActivate(context: ExecutionContext): boolean {
    const viewer = requestContextOf(context).viewer;
    if (!viewer) throw new UnauthenticatedError();
    this.policy.requireHr(viewer);
    return true;
  }
}

/** Marks an operation as HR administrators' only. */
export const HrOnly = () => applyDecorators(UseGuards(HrOnlyGuard));
