import { Alert, Anchor, Badge, Button, Card, CopyButton, Group, ScrollArea, Select, Table, Text, Tooltip, ActionIcon } from '@mantine/core';
import { useLazyQuery } from '@apollo/client/react';
import { IconCheck, IconCopy, IconLink } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useGroupLabel } from '../../app/i18n';
import { formatDate } from '../../app/theme';
import { ErrorState, Loading } from '../../app/ui';
import { linkMessages, messages as m } from './messages';
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
  const groupLabel = useGroupLabel();
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
        <Text fw={650}>{intl.formatMessage(m.linksTitle)}</Text>
        <Text size="sm" mt={4} maw={680}>
          {intl.formatMessage(m.linksClosed, { date: closedAt ? formatDate(closedAt) : 'none' })}
        </Text>
      </Card>
    );
  if (!called)
    return (
      <Card>
        <Text fw={650}>{intl.formatMessage(m.linksTitle)}</Text>
        <ByMail />
        <Text size="sm" c="dimmed" mt="xs" maw={680}>
          {intl.formatMessage(m.linksIntro)}
        </Text>
        <Button mt="md" leftSection={<IconLink size={16} aria-hidden />} onClick={() => void load({ variables: { cycleId } })}>
          {intl.formatMessage(m.linksShow)}
        </Button>
      </Card>
    );
  if (error) return <ErrorState error={error} what={intl.formatMessage(m.linksLoadFailed)} />;
  if (loading && !data) return <Loading label={intl.formatMessage(m.linksLoading)} />;
  if (invitations.length === 0)
    return (
      <Card>
        <Text fw={650}>{intl.formatMessage(m.linksTitle)}</Text>
        <Alert mt="sm" color="gray" variant="light" maw={680}>
          {intl.formatMessage(m.linksNone)}
        </Alert>
        <ByMail />
      </Card>
    );
  return (
    <Card padding={0}>
      <Group justify="space-between" p="md" wrap="wrap">
        <div>
          <Text fw={650}>{intl.formatMessage(m.linksCount, { count: shown.length })}</Text>
          <Text size="xs" c="dimmed">
            {intl.formatMessage(m.linksPersonal)}
          </Text>
          <ByMail />
        </div>
        <Select
          aria-label={intl.formatMessage(m.linksFilter)}
          placeholder={intl.formatMessage(m.linksAllLeaders)}
          clearable
          data={subjects}
          value={subject}
          onChange={setSubject}
          w={240}
        />
      </Group>
      <ScrollArea.Autosize mah={620} type="auto" viewportProps={{ tabIndex: 0, 'aria-label': intl.formatMessage(m.linksScrollable) }}>
        <Table striped stickyHeader fz="sm" verticalSpacing={6} aria-label={intl.formatMessage(m.linksTitle)}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{intl.formatMessage(m.columnRater)}</Table.Th>
              <Table.Th>{intl.formatMessage(m.columnAbout)}</Table.Th>
              <Table.Th>{intl.formatMessage(m.columnAs)}</Table.Th>
              <Table.Th>{intl.formatMessage(m.columnStatus)}</Table.Th>
              <Table.Th>{intl.formatMessage(m.columnLink)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((i) => {
              const url = `${origin}/survey/${i.token}`;
              return (
                <Table.Tr key={i.assignmentId} data-group={i.group} data-subject={i.subject.name}>
                  <Table.Td>{i.rater.name}</Table.Td>
                  <Table.Td>{i.subject.name}</Table.Td>
                  <Table.Td>{groupLabel(i.group)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_COLOR[i.status] ?? 'gray'}>
                      {`invitation${i.status}` in m ? intl.formatMessage(m[`invitation${i.status}` as keyof typeof m]) : i.status}
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
                        aria-label={intl.formatMessage(m.linkOpenLabel, { rater: i.rater.name, subject: i.subject.name })}
                      >
                        {intl.formatMessage(m.linkOpen)}
                      </Anchor>
                      <CopyButton value={url}>
                        {({ copied, copy }) => (
                          <Tooltip label={intl.formatMessage(copied ? m.linkCopied : m.linkCopy)}>
                            <ActionIcon
                              variant="subtle"
                              color={copied ? 'teal' : 'gray'}
                              onClick={copy}
                              aria-label={intl.formatMessage(m.linkCopyLabel, { rater: i.rater.name })}
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
