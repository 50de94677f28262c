import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { fileNameOf, saveFile } from '../../app/download';
import { ErrorState } from '../../app/ui';
import { messages } from './messages';
import { ERASE_PERSON, PERSON_DATA_EXPORT } from './operations';

/** HR's data-protection actions on one person of the directory: export what is held about them, erase them (confirmed). */
export function PersonDataActions({ person }: { person: { id: string; name: string } }) {
  const intl = useIntl();
  const client = useApolloClient();
  const [exporting, setExporting] = useState<{ loading: boolean; error: unknown; file: string | null }>({
    loading: false,
    error: null,
    file: null,
  });
  const [opened, { open, close }] = useDisclosure(false);
  const [typed, setTyped] = useState('');
  const [erase, erasing] = useMutation(ERASE_PERSON, { refetchQueries: ['People', 'Directory'] });
  const word = intl.formatMessage(messages.eraseConfirmWord);

  const download = async () => {
    setExporting({ loading: true, error: null, file: null });
    try {
      const { data } = await client.query({ query: PERSON_DATA_EXPORT, variables: { personId: person.id }, fetchPolicy: 'network-only' });
      const file = fileNameOf(person.name, 'data.json');
      saveFile(new Blob([data?.personDataExport.json ?? ''], { type: 'application/json' }), file);
      setExporting({ loading: false, error: null, file });
    } catch (error) {
      setExporting({ loading: false, error, file: null });
    }
  };
  const dismiss = () => {
    close();
    setTyped('');
    erasing.reset();
  };
  const done = erasing.data?.erasePerson;
  return (
    <>
      <Group gap={6} wrap="nowrap">
        <Button
          size="compact-xs"
          variant="default"
          loading={exporting.loading}
          onClick={() => void download()}
          aria-label={intl.formatMessage(messages.exportLabel, { name: person.name })}
        >
          {intl.formatMessage(messages.exportButton)}
        </Button>
        <Button
          size="compact-xs"
          variant="default"
          onClick={open}
          aria-label={intl.formatMessage(messages.eraseLabel, { name: person.name })}
        >
          {intl.formatMessage(messages.eraseButton)}
        </Button>
      </Group>
      {exporting.error ? <ErrorState error={exporting.error} what={intl.formatMessage(messages.exportFailed)} /> : null}
      {exporting.file && (
        <Text size="xs" c="dimmed" role="status">
          {intl.formatMessage(messages.exportDone, { file: exporting.file })}
        </Text>
      )}
      <Modal opened={opened} onClose={dismiss} title={intl.formatMessage(messages.eraseTitle, { name: person.name })} centered>
        {done ? (
          <Stack gap="sm">
            <Alert color="teal" variant="light" role="status">
              {intl.formatMessage(messages.erased, { accounts: done.accountsDeleted, links: done.linksRevoked })}
            </Alert>
            <Group justify="flex-end">
              <Button onClick={dismiss}>{intl.formatMessage(messages.close)}</Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap="sm">
            <Text size="sm">{intl.formatMessage(messages.eraseExplain)}</Text>
            <TextInput
              label={intl.formatMessage(messages.eraseConfirmLabel)}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
            />
            {erasing.error && <ErrorState error={erasing.error} what={intl.formatMessage(messages.eraseFailed)} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={dismiss}>
                {intl.formatMessage(messages.cancel)}
              </Button>
              <Button
                color="red.9"
                disabled={typed.trim() !== word}
                loading={erasing.loading}
                onClick={() => void erase({ variables: { personId: person.id } }).catch(() => undefined)}
              >
                {intl.formatMessage(messages.eraseConfirm)}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
