import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { describeError, fieldLine } from '../../app/errors';
import { ErrorState, Loading } from '../../app/ui';
import { useNextPage } from '../../app/useNextPage';
import { VirtualTable } from '../../app/VirtualTable';
import { m } from './messages';
import { ASSIGN_COACH, COACH_CANDIDATES, CYCLE_COACHING, CYCLE_COACHING_PAGE, SET_CYCLE_COACHED } from './operations';

/** Leaders per page (10,000 in a large cycle: the list is paged and virtualised). */
const COACHING_PAGE = 100;
/** Leaders one assignment takes at most (the gateway's limit). */
const MAX_CHOSEN = 500;

type Show = 'all' | 'withoutCoach' | 'pending';

/**
 * HR's cycle page: mark the cycle coached (until release), follow the debriefs ("Debriefs: x of y"),
 * and assign a coach to the leaders ticked in the list, which is paged, filtered on the server and
 * virtualised. After an assignment the counts come with the mutation's answer and the list is read
 * again from its first page.
 */
export function CycleCoachingPanel({ cycleId, released }: { cycleId: string; released: boolean }) {
  const intl = useIntl();
  const titleId = useId();
  const query = useQuery(CYCLE_COACHING, { variables: { cycleId }, fetchPolicy: 'cache-and-network' });
  const coached = query.data?.cycleCoaching.coached === true;
  const [show, setShow] = useState<Show>('all');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const variables = {
    cycleId,
    first: COACHING_PAGE,
    filter: {
      withoutCoachOnly: show === 'withoutCoach' || undefined,
      debriefPendingOnly: show === 'pending' || undefined,
      search: debounced || undefined,
    },
  };
  const list = useQuery(CYCLE_COACHING_PAGE, { variables, fetchPolicy: 'cache-and-network', skip: !coached });
  const next = useNextPage((options) => list.fetchMore(options), list.data?.cycleCoachingPage.pageInfo, JSON.stringify(variables));
  const [setCoached, setting] = useMutation(SET_CYCLE_COACHED);
  const [assign, assigning] = useMutation(ASSIGN_COACH, { refetchQueries: ['CycleCoachingPage'], awaitRefetchQueries: true });
  // The leaders ticked, by id with their name, kept across pages and filters.
  const [chosen, setChosen] = useState<ReadonlyMap<string, string>>(new Map());
  // The coach chosen, with the name they were chosen by (the candidate list may be reloading when HR assigns).
  const [coach, setCoach] = useState<{ id: string; name: string } | null>(null);
  const [coachSearch, setCoachSearch] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const candidates = useQuery(COACH_CANDIDATES, { variables: { search: coachSearch || null }, skip: !coached });
  if (query.error) return <ErrorState error={query.error} what={intl.formatMessage(m.loadFailed)} onRetry={() => void query.refetch()} />;
  const coaching = query.data?.cycleCoaching;
  if (!coaching) return null;
  const page = (list.data ?? list.previousData)?.cycleCoachingPage;
  const missing = coaching.leaders - coaching.withCoach;
  const open = coaching.leaders - coaching.debriefsDone;
  // The list shown while a new search loads is the previous one, so a choice made meanwhile is found.
  const coachPeople = (candidates.data ?? candidates.previousData)?.people ?? [];
  const coachOptions = coachPeople.map((p) => ({
    value: p.id,
    label: p.title ? `${p.name} — ${p.title}` : p.name,
  }));
  const failure = assigning.error ? describeError(assigning.error, intl) : null;

  const toggle = (subjectId: string, name: string, on: boolean) =>
    setChosen((before) => {
      const after = new Map(before);
      if (on) after.set(subjectId, name);
      else after.delete(subjectId);
      return after;
    });

  const submit = async () => {
    setDone(null);
    const subjectIds = [...chosen.keys()];
    const result = await assign({ variables: { input: { cycleId, coachId: coach?.id ?? '', subjectIds } } }).catch(() => null);
    if (result?.data) {
      setDone(intl.formatMessage(m.assigned, { coach: coach?.name ?? '', count: subjectIds.length }));
      setChosen(new Map());
    }
  };

  let table;
  if (list.error) table = <ErrorState error={list.error} what={intl.formatMessage(m.loadFailed)} onRetry={() => void list.refetch()} />;
  else if (!page) table = <Loading label={intl.formatMessage(m.listLoading)} />;
  else if (page.nodes.length === 0)
    table = (
      <Text size="sm" c="dimmed">
        {intl.formatMessage(m.noMatch)}
      </Text>
    );
  else
    table = (
      <VirtualTable
        label={intl.formatMessage(m.tableLabel)}
        rowCount={page.nodes.length}
        totalCount={page.totalCount}
        hasNextPage={next.hasNextPage}
        loadingMore={next.loadingMore}
        onLoadMore={next.loadMore}
        estimateRowHeight={40}
        columnCount={4}
        maxHeight={420}
        tableProps={{ fz: 'sm', verticalSpacing: 6, striped: true }}
        header={
          <Table.Tr aria-rowindex={1}>
            <Table.Th scope="col" w={44}>
              <VisuallyHidden>{intl.formatMessage(m.colChoose)}</VisuallyHidden>
            </Table.Th>
            <Table.Th scope="col">{intl.formatMessage(m.colLeader)}</Table.Th>
            <Table.Th scope="col">{intl.formatMessage(m.colCoach)}</Table.Th>
            <Table.Th scope="col">{intl.formatMessage(m.colDebrief)}</Table.Th>
          </Table.Tr>
        }
        renderRow={(index, rowProps) => {
          const a = page.nodes[index];
          const isChosen = chosen.has(a.subjectId);
          return (
            <Table.Tr key={a.subjectId} {...rowProps}>
              <Table.Td>
                <Checkbox
                  aria-label={intl.formatMessage(m.chooseLeader, { name: a.subjectName })}
                  checked={isChosen}
                  // A done debrief keeps its coach; an assignment takes at most MAX_CHOSEN leaders.
                  disabled={a.debriefDoneAt != null || (!isChosen && chosen.size >= MAX_CHOSEN)}
                  onChange={(e) => toggle(a.subjectId, a.subjectName, e.currentTarget.checked)}
                />
              </Table.Td>
              <Table.Td>{a.subjectName}</Table.Td>
              <Table.Td>{a.coachName ?? intl.formatMessage(m.noCoach)}</Table.Td>
              <Table.Td>
                {a.debriefDoneAt ? (
                  <Badge color="teal" variant="light" tt="none">
                    {intl.formatMessage(m.debriefDoneOn, { date: intl.formatDate(new Date(a.debriefDoneAt), { dateStyle: 'medium' }) })}
                  </Badge>
                ) : (
                  <Badge color="gray" variant="outline" tt="none">
                    {intl.formatMessage(m.debriefPending)}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          );
        }}
      />
    );

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
            <Group align="flex-end" wrap="wrap" gap="sm">
              <SegmentedControl
                aria-label={intl.formatMessage(m.showLabel)}
                value={show}
                onChange={(value) => setShow(value)}
                data={[
                  { value: 'all', label: intl.formatMessage(m.showAll) },
                  { value: 'withoutCoach', label: intl.formatMessage(m.showWithoutCoach) },
                  { value: 'pending', label: intl.formatMessage(m.showPending) },
                ]}
              />
              <TextInput
                aria-label={intl.formatMessage(m.search)}
                placeholder={intl.formatMessage(m.search)}
                leftSection={<IconSearch size={15} aria-hidden />}
                value={search}
                onChange={(e) => setSearch(e.currentTarget.value)}
                w={260}
              />
            </Group>
            {table}
            {next.error != null && <ErrorState error={next.error} what={intl.formatMessage(m.loadFailed)} onRetry={next.retry} />}
            {open > 0 && (
              <Stack gap="xs">
                <Text size="sm" c="dimmed">
                  {intl.formatMessage(m.coachRule)} {intl.formatMessage(m.chooseHint, { max: MAX_CHOSEN })}
                </Text>
                <Group align="flex-end" wrap="wrap">
                  <Group gap="xs" style={{ flex: 1, minWidth: 240 }}>
                    <Text size="sm" fw={600} role="status">
                      {intl.formatMessage(m.chosen, { count: chosen.size })}
                    </Text>
                    {chosen.size > 0 && (
                      <Button variant="subtle" size="compact-sm" onClick={() => setChosen(new Map())}>
                        {intl.formatMessage(m.clearChoice)}
                      </Button>
                    )}
                  </Group>
                  <Select
                    style={{ flex: 1, minWidth: 240 }}
                    label={intl.formatMessage(m.coachLabel)}
                    placeholder={intl.formatMessage(m.coachPlaceholder)}
                    data={coachOptions}
                    value={coach?.id ?? null}
                    onChange={(id) => {
                      const person = coachPeople.find((p) => p.id === id);
                      setCoach(id && person ? { id, name: person.name } : null);
                    }}
                    searchable
                    searchValue={coachSearch}
                    onSearchChange={setCoachSearch}
                    filter={({ options }) => options}
                  />
                  <Button onClick={() => void submit()} loading={assigning.loading} disabled={!coach || chosen.size === 0}>
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
