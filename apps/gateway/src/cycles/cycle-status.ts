import { ConflictError } from '../common/errors';
import { CycleEntity } from './cycle.entity';

/** Refuses an operation the cycle's state does not allow (CONFLICT), naming the state it needs. */
export function requireStatus(cycle: CycleEntity, allowed: CycleEntity['status'][], action: string): void {
  if (!allowed.includes(cycle.status)) {
    throw new ConflictError(`Cannot ${action}: the cycle is ${cycle.status} (needs ${allowed.join(' or ')})`, {
      reason: 'wrongStatus',
      values: { action, status: cycle.status },
    });
  }
}
