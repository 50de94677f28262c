import { useSubscription } from '@apollo/client/react';
import { Progress, Stack, Text } from '@mantine/core';
import { IMPORT_PROGRESS } from './operations';

/** Files with more rows than this show a progress bar while they are read, checked and written. */
export const LARGE_IMPORT_ROWS = 2000;

const PHASE: Record<string, string> = {
  reading: 'Reading the file',
  checking: 'Checking every row',
  applying: 'Writing the directory',
  done: 'Finished',
  failed: 'Stopped: see the problems below',
};

/** Live progress of one import, from the importProgress subscription. */
export function ImportProgressBar({ importId }: { importId: string }) {
  const { data } = useSubscription(IMPORT_PROGRESS, { variables: { importId } });
  const progress = data?.importProgress;
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  const label = progress
    ? `${PHASE[progress.phase] ?? progress.phase}: ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} rows`
    : 'Sending the file';
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Text size="sm">{label}</Text>
      <Progress value={progress?.phase === 'done' ? 100 : percent} animated={progress?.phase !== 'done'} aria-label={label} />
    </Stack>
  );
}
