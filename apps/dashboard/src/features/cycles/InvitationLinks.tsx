import { Alert, Anchor, Badge, Button, Card, CopyButton, Group, ScrollArea, Select, Table, Text, Tooltip, ActionIcon } from '@mantine/core';
import { useLazyQuery } from '@apollo/client/react';
import { IconCheck, IconCopy, IconLink } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { formatDate, GROUP_LABELS } from '../../app/theme';
import { ErrorState, Loading } from '../../app/ui';
import { linkMessages } from './messages';
import { RATER_INVITATIONS } from './operations';

const STATUS_COLOR: Record<string, string> = { invited: 'gray', started: 'yellow', submitted: 'teal' };

/** Where the links of raters with an e-mail address go instead: their mail (delivery on the Progress tab, or the mail outbox). */
function ByMail() {
  const intl = useIntl();
  return (
    <Text size="sm" mt={4} maw={680}>
      {intl.formatMessage(linkMessages.byMail)}{' '}
      <Anchor component={Link} to="/mail-outbox" size="sm">
        {intl.formatMessage(linkMessages.mailOutbox)}
      </Anchor>
    </Text>
  );
}

/**
 * The survey links of raters without an e-mail address who have not answered, for HR to hand out
 * in person; everyone else gets theirs by mail. Listing them is audited, so they load on request.
 */
export function InvitationLinks({ cycleId, status, closedAt }: { cycleId: string; status?: string; closedAt?: string | null }) {
  const intl = useIntl();
  const [load, { data, loading, error, called }] = useLazyQuery(RATER_INVITATIONS, { fetchPolicy: 'network-only' });
  const [subject, setSubject] = useState<string | null>(null);
  const invitations = useMemo(() => data?.raterInvitations ?? [], [data]);
  const subjects = useMemo(
    () => [...new Map(invitations.map((i) => [i.subject.id, i.subject.name])).entries()].map(([value, label]) => ({ value, label })),
    [invitations],
  );
  const shown = subject ? invitations.filter((i) => i.subject.id === subject) : invitations;
  const origin = typeof window !== 'undefined' ? window.location.origin : '';

  if (status === 'CLOSED' || status === 'RELEASED')
    return (
      <Card>
        <Text fw={650}>Survey links</Text>
        <Text size="sm" mt={4} maw={680}>
          This cycle closed{closedAt ? ` on ${formatDate(closedAt)}` : ''}, so its survey links no longer open a survey and there is nothing
          left to share. Progress and results stay on their tabs.
        </Text>
      </Card>
    );
  if (!called)
    return (
      <Card>
        <Text fw={650}>{intl.formatMessage(linkMessages.title)}</Text>
        <ByMail />
        <Text size="sm" c="dimmed" mt="xs" maw={680}>
          {intl.formatMessage(linkMessages.withoutEmail)}
        </Text>
        <Button mt="md" leftSection={<IconLink size={16} aria-hidden />} onClick={() => void load({ variables: { cycleId } })}>
          {intl.formatMessage(linkMessages.show)}
        </Button>
      </Card>
    );
  if (error) return <ErrorState error={error} what="The survey links could not be shown" />;
  if (loading && !data) return <Loading label="Loading survey links…" />;
  if (invitations.length === 0)
    return (
      <Card>
        <Text fw={650}>{intl.formatMessage(linkMessages.title)}</Text>
        <Alert mt="sm" color="gray" variant="light" maw={680}>
          {intl.formatMessage(linkMessages.none)}
        </Alert>
        <ByMail />
      </Card>
    );
  return (
    <Card padding={0}>
      <Group justify="space-between" p="md" wrap="wrap">
        <div>
          <Text fw={650}>{intl.formatMessage(linkMessages.count, { count: shown.length })}</Text>
          <Text size="xs" c="dimmed">
            Personal links — share each only with the person named.
          </Text>
          <ByMail />
        </div>
        <Select
          aria-label="Filter by leader"
          placeholder="All leaders"
          clearable
          data={subjects}
          value={subject}
          onChange={setSubject}
          w={240}
        />
      </Group>
      <ScrollArea.Autosize mah={620} type="auto" viewportProps={{ tabIndex: 0, 'aria-label': 'Survey links, scrollable' }}>
        <Table striped stickyHeader fz="sm" verticalSpacing={6} aria-label="Survey links">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Rater</Table.Th>
              <Table.Th>About</Table.Th>
              <Table.Th>As</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Link</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((i) => {
              const url = `${origin}/survey/${i.token}`;
              return (
                <Table.Tr key={i.assignmentId} data-group={i.group} data-subject={i.subject.name}>
                  <Table.Td>{i.rater.name}</Table.Td>
                  <Table.Td>{i.subject.name}</Table.Td>
                  <Table.Td>{GROUP_LABELS[i.group]}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_COLOR[i.status] ?? 'gray'}>
                      {i.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Anchor
                        href={`/survey/${i.token}`}
                        target="_blank"
                        rel="noreferrer"
                        size="sm"
                        className="survey-link"
                        aria-label={`Open the survey link for ${i.rater.name} about ${i.subject.name}`}
                      >
                        Open
                      </Anchor>
                      <CopyButton value={url}>
                        {({ copied, copy }) => (
                          <Tooltip label={copied ? 'Copied' : 'Copy link'}>
                            <ActionIcon
                              variant="subtle"
                              color={copied ? 'teal' : 'gray'}
                              onClick={copy}
                              aria-label={`Copy the link for ${i.rater.name}`}
                            >
                              {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </CopyButton>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Card>
  );
}
