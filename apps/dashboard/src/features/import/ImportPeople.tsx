import { Alert, Badge, Button, Card, FileButton, Group, ScrollArea, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { IconCheck, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { ErrorState } from '../../app/ui';
import type { ImportPeopleMutation } from '../../gql/graphql';
import { ImportProgressBar, LARGE_IMPORT_ROWS } from './ImportProgressBar';
import { messages } from './messages';
import { DIRECTORY, IMPORT_PEOPLE, PEOPLE } from './operations';

type Result = ImportPeopleMutation['importPeople'];

const ACTION: Record<string, { label: MessageDescriptor; color: string }> = {
  CREATE: { label: messages.actionCreate, color: 'teal' },
  UPDATE: { label: messages.actionUpdate, color: 'blue' },
  UNCHANGED: { label: messages.actionUnchanged, color: 'gray' },
};

/** Organisation import: choose or paste a CSV, preview with row errors, then apply. */
export function ImportPeople({ onImported }: { onImported?: () => void }) {
  const intl = useIntl();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<Result | null>(null);
  const [applied, setApplied] = useState<Result | null>(null);
  /** The import in flight, when the file is large enough for a progress bar. */
  const [importId, setImportId] = useState<string | null>(null);
  const client = useApolloClient();
  const [run, { loading, error, reset }] = useMutation(IMPORT_PEOPLE);

  const load = async (file: File | null) => {
    if (!file) return;
    setFileName(file.name);
    setCsv(await file.text());
    setPreview(null);
    setApplied(null);
  };

  /** Runs the import; a large file is given an id first, so its progress bar can subscribe before it is sent. */
  const send = async (dryRun: boolean) => {
    const large = csv.split('\n', LARGE_IMPORT_ROWS + 2).length > LARGE_IMPORT_ROWS;
    const id = large ? crypto.randomUUID() : null;
    setImportId(id);
    if (id) await new Promise((resolve) => setTimeout(resolve, 150));
    try {
      return await run({ variables: { csv, dryRun, importId: id } }).catch(() => ({ data: undefined }));
    } finally {
      setImportId(null);
    }
  };
  const doPreview = async () => {
    setApplied(null);
    const { data } = await send(true);
    if (data) setPreview(data.importPeople);
  };
  const doApply = async () => {
    const { data } = await send(false);
    if (data) {
      setApplied(data.importPeople);
      setPreview(null);
      await client.refetchQueries({ include: [PEOPLE, DIRECTORY] });
      onImported?.();
    }
  };

  return (
    <Card>
      <Title order={2} fz="lg">
        {intl.formatMessage(messages.title)}
      </Title>
      <Text size="sm" c="dimmed" mt={2}>
        {intl.formatMessage(messages.intro, { code: (chunks) => <code>{chunks}</code> })}
      </Text>
      <Stack mt="md" gap="sm">
        <Group gap="sm">
          <FileButton onChange={(f) => void load(f)} accept=".csv,text/csv">
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconFileSpreadsheet size={18} aria-hidden />}>
                {intl.formatMessage(messages.chooseFile)}
              </Button>
            )}
          </FileButton>
          {fileName && (
            <Text size="sm" c="dimmed">
              {intl.formatMessage(messages.fileRows, { fileName, rows: csv.split(/\r?\n/).filter(Boolean).length - 1 })}
            </Text>
          )}
        </Group>
        <Textarea
          label={intl.formatMessage(messages.paste)}
          placeholder={intl.formatMessage(messages.pastePlaceholder)}
          autosize
          minRows={3}
          maxRows={10}
          value={csv}
          styles={{ input: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12 } }}
          onChange={(e) => {
            setCsv(e.currentTarget.value);
            setPreview(null);
            setApplied(null);
            reset();
          }}
        />
        <Group>
          <Button
            onClick={() => void doPreview()}
            disabled={!csv.trim()}
            loading={loading && !preview}
            leftSection={<IconUpload size={18} aria-hidden />}
          >
            {intl.formatMessage(messages.preview)}
          </Button>
        </Group>
        {importId && <ImportProgressBar importId={importId} />}
        {error && <ErrorState error={error} what={intl.formatMessage(messages.readFailed)} />}
        {preview && <Preview result={preview} onApply={() => void doApply()} applying={loading} />}
        {applied && (
          <Alert
            color="teal"
            variant="light"
            icon={<IconCheck aria-hidden />}
            title={intl.formatMessage(messages.importedTitle)}
            role="status"
          >
            {intl.formatMessage(messages.importedBody, {
              created: applied.created,
              updated: applied.updated,
              unchanged: applied.unchanged,
            })}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

function Preview({ result, onApply, applying }: { result: Result; onApply: () => void; applying: boolean }) {
  const intl = useIntl();
  const hasErrors = result.errors.length > 0;
  return (
    <Stack gap="sm" mt="xs" aria-label={intl.formatMessage(messages.previewLabel)} component="section">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Count label={intl.formatMessage(messages.rows)} value={result.rows} />
        <Count label={intl.formatMessage(messages.actionCreate)} value={result.created} color="teal" />
        <Count label={intl.formatMessage(messages.actionUpdate)} value={result.updated} color="blue" />
        <Count label={intl.formatMessage(messages.actionUnchanged)} value={result.unchanged} color="gray" />
      </SimpleGrid>
      {hasErrors ? (
        <Alert color="red" variant="light" title={intl.formatMessage(messages.problems, { count: result.errors.length })} role="alert">
          <Table fz="sm" mt="xs" withRowBorders={false} verticalSpacing={2}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{intl.formatMessage(messages.line)}</Table.Th>
                <Table.Th>{intl.formatMessage(messages.column)}</Table.Th>
                <Table.Th>{intl.formatMessage(messages.problem)}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.errors.map((e, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{e.line}</Table.Td>
                  <Table.Td>
                    <code>{e.column}</code>
                  </Table.Td>
                  <Table.Td>{e.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Alert>
      ) : (
        <Group justify="space-between" className="soft-row">
          <Text size="sm">{intl.formatMessage(messages.noProblems)}</Text>
          <Button color="teal" onClick={onApply} loading={applying}>
            {intl.formatMessage(messages.apply, { rows: result.rows })}
          </Button>
        </Group>
      )}
      <ScrollArea.Autosize mah={360} type="auto">
        <Table striped stickyHeader fz="sm" verticalSpacing={6} aria-label={intl.formatMessage(messages.rowsLabel)}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{intl.formatMessage(messages.line)}</Table.Th>
              <Table.Th>{intl.formatMessage(messages.employee)}</Table.Th>
              <Table.Th>{intl.formatMessage(messages.name)}</Table.Th>
              <Table.Th>{intl.formatMessage(messages.email)}</Table.Th>
              <Table.Th>{intl.formatMessage(messages.manager)}</Table.Th>
              <Table.Th>{intl.formatMessage(messages.change)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.preview.map((row) => {
              const rowErrors = result.errors.filter((e) => e.line === row.line);
              return (
                <Table.Tr key={row.line} bg={rowErrors.length ? 'var(--mantine-color-red-0)' : undefined}>
                  <Table.Td>{row.line}</Table.Td>
                  <Table.Td>{row.employeeId}</Table.Td>
                  <Table.Td>{row.name}</Table.Td>
                  <Table.Td>{row.email ?? '—'}</Table.Td>
                  <Table.Td>{row.managerEmployeeId ?? '—'}</Table.Td>
                  <Table.Td>
                    {rowErrors.length ? (
                      <Badge color="red" variant="light">
                        {intl.formatMessage(messages.error)}
                      </Badge>
                    ) : (
                      <Badge color={ACTION[row.action]?.color} variant="light">
                        {ACTION[row.action] ? intl.formatMessage(ACTION[row.action].label) : row.action}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}

function Count({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Card padding="sm" bg={color ? `var(--mantine-color-${color}-0)` : undefined}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fz={22} fw={700}>
        {value}
      </Text>
    </Card>
  );
}
