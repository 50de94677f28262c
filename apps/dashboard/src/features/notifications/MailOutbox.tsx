import { Anchor, Badge, Card, Group, Modal, Select, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useLazyQuery, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { formatDate } from '../../app/theme';
import { EmptyState, ErrorState, Loading } from '../../app/ui';
import { useNextPage } from '../../app/useNextPage';
import { VirtualTable } from '../../app/VirtualTable';
import type { OutboxMailKind } from '../../gql/graphql';
import { outboxMessages as messages, sharedMessages } from './messages';
import { MAIL_OUTBOX, MAIL_OUTBOX_MESSAGE } from './operations';

/** Mails per page: a cycle of 10,000 leaders records 150,000 invitations and as many reminders. */
const OUTBOX_PAGE = 100;

/** Each kind of mail: its `kind` in the list, its value in the filter, its name on screen. */
const KINDS: { kind: string; filter: OutboxMailKind; label: MessageDescriptor }[] = [
  { kind: 'invitation', filter: 'INVITATION', label: messages.kindInvitation },
  { kind: 'reminder', filter: 'REMINDER', label: messages.kindReminder },
  { kind: 'nomination-request', filter: 'NOMINATION_REQUEST', label: messages.kindNominationRequest },
  { kind: 'approval-request', filter: 'APPROVAL_REQUEST', label: messages.kindApprovalRequest },
  { kind: 'report-ready', filter: 'REPORT_READY', label: messages.kindReportReady },
  { kind: 'debrief-requested', filter: 'DEBRIEF_REQUESTED', label: messages.kindDebriefRequested },
  { kind: 'plan-shared', filter: 'PLAN_SHARED', label: messages.kindPlanShared },
  { kind: 'pulse-launched', filter: 'PULSE_LAUNCHED', label: messages.kindPulseLaunched },
];
const KIND = new Map(KINDS.map((k) => [k.kind, k.label]));

/**
 * Without a mail server: every mail the platform would have sent, newest first, a page at a time
 * in a virtualised table (not counted: the server reads a page, never the whole outbox), optionally
 * of one kind; one opens rendered with its link (audited, as each page listed is).
 */
export function MailOutbox() {
  const intl = useIntl();
  const [kind, setKind] = useState<OutboxMailKind | null>(null);
  const variables = { first: OUTBOX_PAGE, filter: { kind: kind ?? undefined } };
  const list = useQuery(MAIL_OUTBOX, { variables, fetchPolicy: 'cache-and-network' });
  const next = useNextPage((options) => list.fetchMore(options), list.data?.mailOutbox.pageInfo, JSON.stringify(variables));
  const [open, message] = useLazyQuery(MAIL_OUTBOX_MESSAGE, { fetchPolicy: 'network-only' });
  const [opened, setOpened] = useState(false);
  const page = (list.data ?? list.previousData)?.mailOutbox;
  const mail = message.data?.mailOutboxMessage;
  const failed = intl.formatMessage(messages.loadFailed);

  let body;
  if (list.error) body = <ErrorState error={list.error} what={failed} onRetry={() => void list.refetch()} />;
  else if (!page) body = <Loading label={intl.formatMessage(messages.loading)} />;
  else if (page.nodes.length === 0 && !kind)
    body = <EmptyState title={intl.formatMessage(messages.emptyTitle)}>{intl.formatMessage(messages.emptyBody)}</EmptyState>;
  else if (page.nodes.length === 0)
    body = (
      <Text size="sm" c="dimmed" p="md">
        {intl.formatMessage(messages.noneOfKind)}
      </Text>
    );
  else
    body = (
      <VirtualTable
        label={intl.formatMessage(sharedMessages.mailOutboxTitle)}
        rowCount={page.nodes.length}
        totalCount={null}
        hasNextPage={next.hasNextPage}
        loadingMore={next.loadingMore}
        onLoadMore={next.loadMore}
        estimateRowHeight={56}
        measureRows
        columnCount={4}
        maxHeight={640}
        tableProps={{ striped: true, fz: 'sm', verticalSpacing: 6 }}
        header={
          <Table.Tr aria-rowindex={1}>
            <Table.Th scope="col">{intl.formatMessage(messages.to)}</Table.Th>
            <Table.Th scope="col">{intl.formatMessage(messages.mail)}</Table.Th>
            <Table.Th scope="col">{intl.formatMessage(messages.subject)}</Table.Th>
            <Table.Th scope="col">{intl.formatMessage(messages.when)}</Table.Th>
          </Table.Tr>
        }
        renderRow={(index, rowProps) => {
          const m = page.nodes[index];
          return (
            <Table.Tr key={m.mailId} data-to={m.to ?? ''} {...rowProps}>
              <Table.Td>
                {m.recipientName}
                <Text size="xs" c="dimmed">
                  {m.to}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light">{intl.formatMessage(KIND.get(m.kind) ?? messages.kindOther)}</Badge>
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
          );
        }}
      />
    );

  return (
    <>
      <Text size="sm" c="dimmed" mb="md" maw={720}>
        {intl.formatMessage(sharedMessages.mailOutboxExplain)}
      </Text>
      <Group mb="sm">
        <Select
          label={intl.formatMessage(messages.kindFilter)}
          placeholder={intl.formatMessage(messages.kindAll)}
          data={KINDS.map((k) => ({ value: k.filter, label: intl.formatMessage(k.label) }))}
          value={kind}
          onChange={(value) => setKind(value)}
          clearable
          w={260}
        />
      </Group>
      <Card padding={0}>
        {body}
        {next.error != null && <ErrorState error={next.error} what={failed} onRetry={next.retry} />}
      </Card>
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
