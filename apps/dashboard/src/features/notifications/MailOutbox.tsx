import { Anchor, Badge, Card, Modal, ScrollArea, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useLazyQuery, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { formatDate } from '../../app/theme';
import { EmptyState, ErrorState, Loading } from '../../app/ui';
import { words } from './messages';
import { MAIL_OUTBOX, MAIL_OUTBOX_MESSAGE } from './operations';

const KIND: Record<string, string> = {
  invitation: 'Invitation',
  reminder: 'Reminder',
  'nomination-request': 'Choose raters',
  'approval-request': 'Approve raters',
  'report-ready': 'Report ready',
  'plan-shared': 'Development plan',
};

/** Without a mail server: every mail the platform would have sent; one opens rendered with its link (audited). */
export function MailOutbox() {
  const { data, loading, error } = useQuery(MAIL_OUTBOX, { fetchPolicy: 'network-only' });
  const [open, message] = useLazyQuery(MAIL_OUTBOX_MESSAGE, { fetchPolicy: 'network-only' });
  const [opened, setOpened] = useState(false);
  if (error) return <ErrorState error={error} what="The mail outbox could not be loaded" />;
  if (loading && !data) return <Loading label="Loading the mail outbox…" />;
  const mails = data?.mailOutbox ?? [];
  const mail = message.data?.mailOutboxMessage;
  return (
    <>
      <Text size="sm" c="dimmed" mb="md" maw={720}>
        {words['mailOutbox.explain']}
      </Text>
      {mails.length === 0 ? (
        <EmptyState title="No mail yet">Mails appear here when a cycle is launched, reminders are sent or results are released.</EmptyState>
      ) : (
        <Card padding={0}>
          <ScrollArea.Autosize mah={640} type="auto">
            <Table striped stickyHeader fz="sm" verticalSpacing={6} aria-label={words['mailOutbox.title']}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>To</Table.Th>
                  <Table.Th>Mail</Table.Th>
                  <Table.Th>Subject</Table.Th>
                  <Table.Th>When</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {mails.map((m) => (
                  <Table.Tr key={m.mailId} data-to={m.to ?? ''}>
                    <Table.Td>
                      {m.recipientName}
                      <Text size="xs" c="dimmed">
                        {m.to}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light">{KIND[m.kind] ?? m.kind}</Badge>
                    </Table.Td>
                    <Table.Td>
                      <UnstyledButton
                        className="outbox-mail"
                        onClick={() => {
                          setOpened(true);
                          void open({ variables: { mailId: m.mailId } });
                        }}
                      >
                        <Text size="sm" c="blue.9" td="underline">
                          {m.subject}
                        </Text>
                      </UnstyledButton>
                    </Table.Td>
                    <Table.Td>{formatDate(m.createdAt, true)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Card>
      )}
      <Modal opened={opened} onClose={() => setOpened(false)} title={mail?.subject ?? 'Mail'} size="lg">
        {message.error ? (
          <ErrorState error={message.error} what="The mail could not be opened" />
        ) : !mail ? (
          <Loading label="Opening the mail…" />
        ) : (
          <Stack gap="sm">
            <Text size="sm">To: {mail.to}</Text>
            <iframe
              title="The mail as the recipient reads it"
              srcDoc={mail.html}
              sandbox=""
              style={{ width: '100%', height: 460, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }}
            />
            <Text size="sm">
              Link:{' '}
              <Anchor href={mail.link} className="outbox-mail-link" target="_blank" rel="noreferrer">
                {mail.link}
              </Anchor>
            </Text>
          </Stack>
        )}
      </Modal>
    </>
  );
}
