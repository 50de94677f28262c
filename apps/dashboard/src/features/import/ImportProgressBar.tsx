import { useSubscription } from '@apollo/client/react';
import { Progress, Stack, Text } from '@mantine/core';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { progressMessages as messages } from './messages';
import { IMPORT_PROGRESS } from './operations';

/** Files with more rows than this show a progress bar while they are read, checked and written. */
export const LARGE_IMPORT_ROWS = 2000;

const PHASE: Record<string, MessageDescriptor> = {
  reading: messages.reading,
  checking: messages.checking,
  applying: messages.applying,
  done: messages.done,
  failed: messages.failed,
};

/** Live progress of one import, from the importProgress subscription. */
export function ImportProgressBar({ importId }: { importId: string }) {
  const intl = useIntl();
  const { data } = useSubscription(IMPORT_PROGRESS, { variables: { importId } });
  const progress = data?.importProgress;
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  const label = progress
    ? intl.formatMessage(messages.rows, {
        phase: PHASE[progress.phase] ? intl.formatMessage(PHASE[progress.phase]) : progress.phase,
        done: progress.done,
        total: progress.total,
      })
    : intl.formatMessage(messages.sending);
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Text size="sm">{label}</Text>
      <Progress value={progress?.phase === 'done' ? 100 : percent} animated={progress?.phase !== 'done'} aria-label={label} />
    </Stack>
  );
}
