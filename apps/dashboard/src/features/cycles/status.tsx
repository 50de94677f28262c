import { Badge } from '@mantine/core';
import type { CycleStatus } from '../../gql/graphql';

export const STATUS: Record<CycleStatus, { label: string; color: string }> = {
  DRAFT: { label: 'Setting up', color: 'gray' },
  LAUNCHED: { label: 'Collecting feedback', color: 'blue' },
  CLOSED: { label: 'Closed · not released', color: 'orange' },
  RELEASED: { label: 'Released', color: 'teal' },
};

export function CycleStatusBadge({ status }: { status: CycleStatus }) {
  const s = STATUS[status];
  return (
    <Badge color={s.color} variant="light" size="md">
      {s.label}
    </Badge>
  );
}
