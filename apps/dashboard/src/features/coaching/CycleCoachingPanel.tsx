import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Group, MultiSelect, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { describeError, fieldLine } from '../../app/errors';
import { ErrorState } from '../../app/ui';
import { m } from './messages';
import { ASSIGN_COACH, COACH_CANDIDATES, CYCLE_COACHING, SET_CYCLE_COACHED } from './operations';

/**
 * HR's cycle page: mark the cycle coached (until release), assign a coach to one or several leaders,
 * and follow the debriefs ("Debriefs: x of y").
 */
export function CycleCoachingPanel({ cycleId, released }: { cycleId: string; released: boolean }) {
  const intl = useIntl();
  const titleId = useId();
  const query = useQuery(CYCLE_COACHING, { variables: { cycleId }, fetchPolicy: 'cache-and-network' });
  const [setCoached, setting] = useMutation(SET_CYCLE_COACHED);
  const [assign, assigning] = useMutation(ASSIGN_COACH);
  const [leaders, setLeaders] = useState<string[]>([]);
  const [coach, setCoach] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const candidates = useQuery(COACH_CANDIDATES, { variables: { search: search || null } });
  if (query.error) return <ErrorState error={query.error} what={intl.formatMessage(m.loadFailed)} onRetry={() => void query.refetch()} />;
  const coaching = query.data?.cycleCoaching;
  if (!coaching) return null;
  const missing = coaching.leaders - coaching.withCoach;
  const open = coaching.assignments.filter((a) => !a.debriefDoneAt);
  const coachOptions = (candidates.data?.people ?? []).map((p) => ({ value: p.id, label: p.title ? `${p.name} — ${p.title}` : p.name }));
  const failure = assigning.error ? describeError(assigning.error, intl) : null;

  const submit = async () => {
    setDone(null);
    const result = await assign({ variables: { input: { cycleId, coachId: coach ?? '', subjectIds: leaders } } }).catch(() => null);
    if (result?.data) {
      const name = coachOptions.find((o) => o.value === coach)?.label.split(' — ')[0] ?? '';
      setDone(intl.formatMessage(m.assigned, { coach: name, count: leaders.length }));
      setLeaders([]);
    }
  };

  return (
    <Card padding="lg" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Title order={2} size="h4" id={titleId}>
          {intl.formatMessage(m.panelTitle)}
        </Title>
        {coaching.coached && (
          <Text fw={600}>{intl.formatMessage(m.progress, { done: coaching.debriefsDone, leaders: coaching.leaders })}</Text>
        )}
      </Group>
      <Stack gap="sm">
        <Switch
          label={intl.formatMessage(m.coachedLabel)}
          description={intl.formatMessage(released ? m.fixedAfterRelease : m.coachedHint)}
          checked={coaching.coached}
          disabled={released || setting.loading}
          onChange={(e) => void setCoached({ variables: { cycleId, coached: e.currentTarget.checked } }).catch(() => null)}
        />
        {setting.error && (
          <Alert color="red" variant="light" role="alert" title={intl.formatMessage(m.setFailed)}>
            {describeError(setting.error, intl).message}
          </Alert>
        )}
        {!coaching.coached ? (
          <Text size="sm" c="dimmed">
            {intl.formatMessage(m.notCoached)}
          </Text>
        ) : (
          <>
            {missing > 0 && (
              <Alert color="yellow" variant="light">
                {intl.formatMessage(m.missingCoaches, { count: missing })}
              </Alert>
            )}
            <Table aria-label={intl.formatMessage(m.tableLabel)} fz="sm" verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{intl.formatMessage(m.colLeader)}</Table.Th>
                  <Table.Th scope="col">{intl.formatMessage(m.colCoach)}</Table.Th>
                  <Table.Th scope="col">{intl.formatMessage(m.colDebrief)}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {coaching.assignments.map((a) => (
                  <Table.Tr key={a.subjectId}>
                    <Table.Td>{a.subjectName}</Table.Td>
                    <Table.Td>{a.coachName ?? intl.formatMessage(m.noCoach)}</Table.Td>
                    <Table.Td>
                      {a.debriefDoneAt ? (
                        <Badge color="teal" variant="light" tt="none">
                          {intl.formatMessage(m.debriefDoneOn, {
                            date: intl.formatDate(new Date(a.debriefDoneAt), { dateStyle: 'medium' }),
                          })}
                        </Badge>
                      ) : (
                        <Badge color="gray" variant="outline" tt="none">
                          {intl.formatMessage(m.debriefPending)}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {open.length > 0 && (
              <Stack gap="xs">
                <Text size="sm" c="dimmed">
                  {intl.formatMessage(m.coachRule)}
                </Text>
                <Group align="flex-end" wrap="wrap">
                  <MultiSelect
                    style={{ flex: 1, minWidth: 240 }}
                    label={intl.formatMessage(m.leadersLabel)}
                    placeholder={intl.formatMessage(m.leadersPlaceholder)}
                    data={open.map((a) => ({ value: a.subjectId, label: a.subjectName }))}
                    value={leaders}
                    onChange={setLeaders}
                    searchable
                  />
                  <Select
                    style={{ flex: 1, minWidth: 240 }}
                    label={intl.formatMessage(m.coachLabel)}
                    placeholder={intl.formatMessage(m.coachPlaceholder)}
                    data={coachOptions}
                    value={coach}
                    onChange={setCoach}
                    searchable
                    searchValue={search}
                    onSearchChange={setSearch}
                    filter={({ options }) => options}
                  />
                  <Button onClick={() => void submit()} loading={assigning.loading} disabled={!coach || leaders.length === 0}>
                    {intl.formatMessage(m.assign)}
                  </Button>
                </Group>
                {done && (
                  <Alert color="teal" variant="light" role="status">
                    {done}
                  </Alert>
                )}
                {failure && (
                  <Alert color="red" variant="light" role="alert" title={intl.formatMessage(m.assignFailed)}>
                    <Stack gap={4}>
                      {failure.fields.length > 0
                        ? failure.fields.map((f, i) => (
                            <Text key={i} size="sm">
                              {fieldLine(f, intl)}
                            </Text>
                          ))
                        : failure.message}
                    </Stack>
                  </Alert>
                )}
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
