import { Badge } from '@mantine/core';
import type { MessageDescriptor } from 'react-intl';
import { useIntl } from 'react-intl';
import type { CycleStatus } from '../../gql/graphql';
import { messages as m } from './messages';

export const STATUS: Record<CycleStatus, { label: MessageDescriptor; color: string }> = {
  DRAFT: { label: m.statusDraft, color: 'gray' },
  LAUNCHING: { label: m.statusLaunching, color: 'indigo' },
  LAUNCHED: { label: m.statusLaunched, color: 'blue' },
  CLOSED: { label: m.statusClosed, color: 'orange' },
  RELEASED: { label: m.statusReleased, color: 'teal' },
};

export function CycleStatusBadge({ status }: { status: CycleStatus }) {
  const intl = useIntl();
  const s = STATUS[status];
  return (
    <Badge color={s.color} variant="light" size="md">
      {intl.formatMessage(s.label)}
    </Badge>
  );
}
