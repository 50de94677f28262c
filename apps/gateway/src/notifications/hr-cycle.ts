import type { AccessPolicy } from '../access/access.policy';
import type { Viewer } from '../access/viewer';

export const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/** The cycle, for HR of its organisation only. */
export function hrCycle(access: AccessPolicy, viewer: Viewer, cycleId: string) {
  access.requireHr(viewer);
  return access.cycle(viewer, cycleId);
}
