import { Alert, Button, Card, Group, NumberInput, Text } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { ErrorState } from '../../app/ui';
import { commentThresholdMessages } from './messages';
import { SET_COMMENT_THRESHOLD } from './operations';

/** A draft cycle's comment threshold, which HR may change until launch (the server checks it again). */
export function CommentThresholdSetting({
  cycleId,
  anonymityThreshold,
  commentThreshold,
}: {
  cycleId: string;
  anonymityThreshold: number;
  commentThreshold: number;
}) {
  const intl = useIntl();
  const [value, setValue] = useState<number>(commentThreshold);
  const [save, state] = useMutation(SET_COMMENT_THRESHOLD);
  const problem =
    value < anonymityThreshold
      ? intl.formatMessage(commentThresholdMessages.tooLow, { threshold: anonymityThreshold })
      : value > 50
        ? intl.formatMessage(commentThresholdMessages.tooHigh)
        : null;
  const saved = state.data?.setCommentThreshold.commentThreshold;
  return (
    <Card mb="lg">
      <Group align="flex-end" wrap="wrap">
        <NumberInput
          label={intl.formatMessage(commentThresholdMessages.label)}
          description={intl.formatMessage(commentThresholdMessages.description)}
          min={anonymityThreshold}
          max={50}
          value={value}
          onChange={(v) => setValue(Number(v) || 0)}
          maw={520}
        />
        <Button
          variant="default"
          loading={state.loading}
          disabled={problem !== null || value === (saved ?? commentThreshold)}
          onClick={() =>
            void save({ variables: { cycleId, commentThreshold: value === anonymityThreshold ? null : value } }).catch(() => {})
          }
        >
          {intl.formatMessage(commentThresholdMessages.save)}
        </Button>
      </Group>
      {problem && (
        <Alert mt="sm" color="orange" variant="light" role="alert">
          {problem}
        </Alert>
      )}
      {saved !== undefined && !state.error && (
        <Text size="sm" mt="sm" role="status">
          {intl.formatMessage(commentThresholdMessages.saved, { count: saved })}
        </Text>
      )}
      {state.error ? <ErrorState error={state.error} what={intl.formatMessage(commentThresholdMessages.failed)} /> : null}
    </Card>
  );
}
