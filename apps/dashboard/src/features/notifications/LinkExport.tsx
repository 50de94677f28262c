import { Button, Card, Text } from '@mantine/core';
import { useApolloClient } from '@apollo/client/react';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { fileNameOf, saveFile } from '../../app/download';
import { ErrorState } from '../../app/ui';
import { linkExportActionMessages, linkExportMessages } from './messages';
import { SURVEY_LINKS_CSV } from './operations';

/** HR's one download of the links of raters who have not submitted and have no e-mail address. Audited. */
export function LinkExport({ cycleId, cycleName }: { cycleId: string; cycleName: string }) {
  const intl = useIntl();
  const client = useApolloClient();
  const [state, setState] = useState<{ loading: boolean; error: unknown }>({ loading: false, error: null });
  const download = async () => {
    setState({ loading: true, error: null });
    try {
      const { data } = await client.query({ query: SURVEY_LINKS_CSV, variables: { cycleId }, fetchPolicy: 'network-only' });
      saveFile(new Blob([data?.surveyLinksCsv ?? ''], { type: 'text/csv;charset=utf-8' }), fileNameOf(cycleName, 'survey-links.csv'));
      setState({ loading: false, error: null });
    } catch (e) {
      setState({ loading: false, error: e });
    }
  };
  return (
    <Card mb="lg">
      <Text fw={650}>{intl.formatMessage(linkExportMessages.title)}</Text>
      <Text size="sm" c="dimmed" mt={4} maw={680}>
        {intl.formatMessage(linkExportMessages.description)}
      </Text>
      <Button
        mt="md"
        variant="default"
        leftSection={<IconDownload size={16} aria-hidden />}
        loading={state.loading}
        onClick={() => void download()}
      >
        {intl.formatMessage(linkExportActionMessages.download)}
      </Button>
      {state.error ? <ErrorState error={state.error} what={intl.formatMessage(linkExportActionMessages.failed)} /> : null}
    </Card>
  );
}
