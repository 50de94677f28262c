import { Anchor, Badge, Card, Modal, ScrollArea, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useLazyQuery, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { formatDate } from '../../app/theme';
import { EmptyState, ErrorState, Loading } from '../../app/ui';
import { outboxMessages as messages, sharedMessages } from './messages';
import { MAIL_OUTBOX, MAIL_OUTBOX_MESSAGE } from './operations';

const KIND: Record<string, MessageDescriptor> = {
  invitation: messages.kindInvitation,
  reminder: messages.kindReminder,
  'nomination-request': messages.kindNominationRequest,
  'approval-request': messages.kindApprovalRequest,
  'report-ready': messages.kindReportReady,
  'plan-shared': messages.kindPlanShared,
};

/** Without a mail server: every mail the platform would have sent; one opens rendered with its link (audited). */
export function MailOutbox() {
  const intl = useIntl();
  const { data, loading, error } = useQuery(MAIL_OUTBOX, { fetchPolicy: 'network-only' });
  const [open, message] = useLazyQuery(MAIL_OUTBOX_MESSAGE, { fetchPolicy: 'network-only' });
  const [opened, setOpened] = useState(false);
  if (error) return <ErrorState error={error} what={intl.formatMessage(messages.loadFailed)} />;
  if (loading && !data) return <Loading label={intl.formatMessage(messages.loading)} />;
  const mails = data?.mailOutbox ?? [];
  const mail = message.data?.mailOutboxMessage;
  return (
    <>
      <Text size="sm" c="dimmed" mb="md" maw={720}>
        {intl.formatMessage(sharedMessages.mailOutboxExplain)}
      </Text>
      {mails.length === 0 ? (
        <EmptyState title={intl.formatMessage(messages.emptyTitle)}>{intl.formatMessage(messages.emptyBody)}</EmptyState>
      ) : (
        <Card padding={0}>
          <ScrollArea.Autosize mah={640} type="auto">
            <Table striped stickyHeader fz="sm" verticalSpacing={6} aria-label={intl.formatMessage(sharedMessages.mailOutboxTitle)}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{intl.formatMessage(messages.to)}</Table.Th>
                  <Table.Th>{intl.formatMessage(messages.mail)}</Table.Th>
                  <Table.Th>{intl.formatMessage(messages.subject)}</Table.Th>
                  <Table.Th>{intl.formatMessage(messages.when)}</Table.Th>
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
                      <Badge variant="light">{intl.formatMessage(KIND[m.kind] ?? messages.kindOther)}</Badge>
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
      <Modal opened={opened} onClose={() => setOpened(false)} title={mail?.subject ?? intl.formatMessage(messages.modalTitle)} size="lg">
        {message.error ? (
          <ErrorState error={message.error} what={intl.formatMessage(messages.openFailed)} />
        ) : !mail ? (
          <Loading label={intl.formatMessage(messages.opening)} />
        ) : (
          <Stack gap="sm">
            <Text size="sm">{intl.formatMessage(messages.toLine, { to: mail.to })}</Text>
            <iframe
              title={intl.formatMessage(messages.frameTitle)}
              srcDoc={mail.html}
              sandbox=""
              style={{ width: '100%', height: 460, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }}
            />
            <Text size="sm">
              {intl.formatMessage(messages.link)}{' '}
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
