import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  type OptionsFilter,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from '@apollo/client/react';
import { IconCheck, IconSearch, IconUserPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useGroupLabel, useGroupNoun } from '../../app/i18n';
import { GROUP_ORDER } from '../../app/theme';
import { EmptyState, ErrorState, Loading } from '../../app/ui';
import { useNextPage } from '../../app/useNextPage';
import { VirtualList } from '../../app/VirtualList';
import type { CycleFieldsFragment, NominationsQuery, RaterGroup } from '../../gql/graphql';
import { PEOPLE } from '../import/operations';
import { messages as m } from './messages';
import {
  APPROVE_ALL_NOMINATIONS,
  APPROVE_NOMINATIONS,
  CYCLE_SUBJECTS,
  COLLEAGUES,
  NOMINATE_RATER,
  NOMINATION_PAGE,
  PROPOSE_RATERS,
} from './operations';

/** A nomination as a rater list shows it (from `nominations` or a page of `nominationPage`). */
type Nomination = Pick<NominationsQuery['nominations'][number], 'id' | 'subjectId' | 'group' | 'source' | 'status' | 'rater'>;
type Subject = Pick<CycleFieldsFragment['subjects'][number], 'id' | 'name' | 'title' | 'department'>;

/** Leaders per page, and the most raters one leader's card reads (groups are capped far below it). */
const SUBJECT_PAGE = 50;
const RATERS_PER_SUBJECT = 200;

/**
 * Proposing raters from reporting lines, adjusting them, and approving them per subject. The
 * leaders are a virtualised list paged on the server (`cycleSubjects`, searchable); each card in
 * view reads its own leader's raters (`nominationPage` filtered on the subject).
 */
export function NominationsReview({ cycle }: { cycle: CycleFieldsFragment }) {
  const intl = useIntl();
  const editable = cycle.status === 'DRAFT';
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const variables = { cycleId: cycle.id, first: SUBJECT_PAGE, filter: { search: debounced || undefined } };
  const subjects = useQuery(CYCLE_SUBJECTS, { variables, fetchPolicy: 'cache-and-network' });
  const next = useNextPage((options) => subjects.fetchMore(options), subjects.data?.cycleSubjects.pageInfo, JSON.stringify(variables));
  // Whose lists still wait for approval: the subjects of the proposed nominations (a page is plenty to show the button).
  const pendingVariables = { cycleId: cycle.id, first: 500, filter: { statuses: ['proposed' as const] } };
  const pending = useQuery(NOMINATION_PAGE, { variables: pendingVariables, fetchPolicy: 'cache-and-network', skip: !editable });
  const refetchQueries = ['NominationPage', 'Nominations'];
  const [propose, proposeState] = useMutation(PROPOSE_RATERS, { refetchQueries, awaitRefetchQueries: true });
  const [approve, approveState] = useMutation(APPROVE_NOMINATIONS, { refetchQueries, awaitRefetchQueries: true });
  // HR approves every leader's proposals in one call, answered as counts (however big the cycle).
  const [approveAll, approveAllState] = useMutation(APPROVE_ALL_NOMINATIONS, { refetchQueries, awaitRefetchQueries: true });
  const pendingSubjects = [...new Set((pending.data?.nominationPage.nodes ?? []).map((n) => n.subjectId))];
  const anyNominations = (pending.data?.nominationPage.totalCount ?? 0) > 0;

  if (cycle.subjects.length === 0)
    return <EmptyState title={intl.formatMessage(m.noLeadersTitle)}>{intl.formatMessage(m.noLeaders)}</EmptyState>;
  if (subjects.error)
    return <ErrorState error={subjects.error} what={intl.formatMessage(m.ratersLoadFailedAll)} onRetry={() => void subjects.refetch()} />;
  const page = (subjects.data ?? subjects.previousData)?.cycleSubjects;
  if (!page) return <Loading label={intl.formatMessage(m.ratersLoading)} />;

  return (
    <Stack gap="md">
      {editable && (
        <Card padding="md" bg="var(--mantine-color-brand-0)">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <div>
              <Text fw={650}>{intl.formatMessage(m.ratersTitle)}</Text>
              <Text size="sm" c="dimmed">
                {intl.formatMessage(m.ratersIntro)}
              </Text>
            </div>
            <Group gap="sm">
              <Button
                variant={anyNominations ? 'default' : 'filled'}
                onClick={() => void propose({ variables: { cycleId: cycle.id } }).catch(() => undefined)}
                loading={proposeState.loading}
              >
                {intl.formatMessage(anyNominations ? m.proposeAgain : m.proposeAll)}
              </Button>
              {pendingSubjects.length > 0 && (
                <Button
                  color="teal"
                  leftSection={<IconCheck size={16} aria-hidden />}
                  onClick={() => void approveAll({ variables: { cycleId: cycle.id } }).catch(() => undefined)}
                  loading={approveAllState.loading}
                >
                  {intl.formatMessage(m.approveAll, { count: pendingSubjects.length })}
                </Button>
              )}
            </Group>
          </Group>
        </Card>
      )}
      {proposeState.data && !proposeState.loading && (
        <Alert color="teal" variant="light" role="status">
          {intl.formatMessage(m.proposedSummary, {
            changed: proposeState.data.proposeRaters.changed,
            subjects: proposeState.data.proposeRaters.subjectsTouched,
          })}
        </Alert>
      )}
      {approveAllState.data && !approveAllState.loading && (
        <Alert color="teal" variant="light" role="status">
          {intl.formatMessage(m.approvedSummary, {
            changed: approveAllState.data.approveNominations.changed,
            subjects: approveAllState.data.approveNominations.subjectsTouched,
          })}
        </Alert>
      )}
      {proposeState.error && <ErrorState error={proposeState.error} what={intl.formatMessage(m.proposeFailed)} />}
      {(approveState.error ?? approveAllState.error) && (
        <ErrorState error={(approveState.error ?? approveAllState.error)!} what={intl.formatMessage(m.approveFailed)} />
      )}
      <TextInput
        aria-label={intl.formatMessage(m.searchLeaders)}
        placeholder={intl.formatMessage(m.searchLeaders)}
        leftSection={<IconSearch size={15} aria-hidden />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        w={260}
      />
      {page.nodes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {intl.formatMessage(m.noLeaderMatches)}
        </Text>
      ) : (
        <VirtualList
          label={intl.formatMessage(m.ratersLists)}
          itemCount={page.nodes.length}
          totalCount={page.totalCount}
          estimateItemHeight={260}
          itemKey={(i) => page.nodes[i].id}
          hasNextPage={next.hasNextPage}
          loadingMore={next.loadingMore}
          onLoadMore={next.loadMore}
          renderItem={(i) => (
            <SubjectRatersCard
              cycle={cycle}
              subject={page.nodes[i]}
              editable={editable}
              onApprove={() => void approve({ variables: { cycleId: cycle.id, subjectId: page.nodes[i].id } }).catch(() => undefined)}
              approving={approveState.loading}
            />
          )}
        />
      )}
      {next.error != null && <ErrorState error={next.error} what={intl.formatMessage(m.ratersLoadFailedAll)} onRetry={next.retry} />}
    </Stack>
  );
}

/** One leader's card in HR's list, reading that leader's raters only. */
function SubjectRatersCard({
  cycle,
  subject,
  editable,
  onApprove,
  approving,
}: {
  cycle: CycleFieldsFragment;
  subject: Subject;
  editable: boolean;
  onApprove: () => void;
  approving: boolean;
}) {
  const intl = useIntl();
  const { data, error, refetch } = useQuery(NOMINATION_PAGE, {
    variables: { cycleId: cycle.id, first: RATERS_PER_SUBJECT, filter: { subjectId: subject.id, statuses: ['proposed', 'approved'] } },
    fetchPolicy: 'cache-and-network',
  });
  if (error)
    return (
      <ErrorState error={error} what={intl.formatMessage(m.ratersLoadFailed, { name: subject.name })} onRetry={() => void refetch()} />
    );
  return (
    <SubjectRaters
      cycle={cycle}
      subject={subject}
      nominations={data?.nominationPage.nodes ?? []}
      editable={editable}
      onApprove={onApprove}
      approving={approving}
    />
  );
}

/**
 * One leader's rater list. `hr` may add anyone to any group and remove anyone; the leader's
 * `manager` approves the list; the leader (`subject`) proposes and removes peers and partners.
 */
export function SubjectRaters({
  cycle,
  subject,
  nominations,
  editable,
  onApprove,
  approving,
  mode = 'hr',
}: {
  cycle: CycleFieldsFragment;
  subject: Subject;
  nominations: Nomination[];
  editable: boolean;
  onApprove: () => void;
  approving: boolean;
  mode?: 'hr' | 'manager' | 'subject';
}) {
  const intl = useIntl();
  const groupLabel = useGroupLabel();
  const groupNoun = useGroupNoun();
  const mayRemove = (group: string) =>
    mode === 'hr' ? group !== 'self' : mode === 'subject' ? group === 'peer' || group === 'other' : false;
  const refetchQueries = ['Nominations', 'NominationPage']; // every list on screen, whichever variables it was read with
  const [nominate, nominateState] = useMutation(NOMINATE_RATER, { refetchQueries, awaitRefetchQueries: true });
  const [adding, setAdding] = useState(false);
  const proposed = nominations.filter((n) => n.status === 'proposed').length;
  const approved = nominations.length > 0 && proposed === 0;
  const minimum = new Map(cycle.minRaters.map((r) => [r.group, r.count]));
  const groups = GROUP_ORDER.filter((g) => nominations.some((n) => n.group === g) || minimum.has(g));

  return (
    <Card aria-label={intl.formatMessage(m.ratersFor, { name: subject.name })} className="subject-raters">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Title order={3} fz="md">
            {subject.name}
          </Title>
          <Text size="xs" c="dimmed">
            {[subject.title, subject.department].filter(Boolean).join(' · ')}
          </Text>
        </div>
        {nominations.length === 0 ? (
          <Badge color="gray" variant="light">
            {intl.formatMessage(m.noRatersYet)}
          </Badge>
        ) : approved ? (
          <Badge color="teal" variant="light" leftSection={<IconCheck size={12} aria-hidden />}>
            {intl.formatMessage(m.approved)}
          </Badge>
        ) : (
          <Badge color="yellow" variant="light">
            {intl.formatMessage(m.toApprove, { count: proposed })}
          </Badge>
        )}
      </Group>
      <Stack gap={8} mt="sm">
        {groups.map((group) => {
          const members = nominations.filter((n) => n.group === group);
          const min = minimum.get(group) ?? 0;
          const short = members.length < min;
          return (
            <div key={group}>
              <Group gap={6} mb={4}>
                <Text size="xs" fw={700} tt="uppercase" c="dimmed" lts={0.4}>
                  {groupLabel(group)}
                </Text>
                <Text size="xs" c={short ? 'red.8' : 'dimmed'}>
                  {intl.formatMessage(m.groupCount, { count: members.length, min, short: short ? 'yes' : 'no' })}
                </Text>
              </Group>
              <Group gap={6}>
                {members.map((n) => (
                  <Badge
                    key={n.id}
                    variant={n.status === 'approved' ? 'light' : 'outline'}
                    color={n.status === 'approved' ? 'brand' : 'gray'}
                    size="lg"
                    radius="sm"
                    tt="none"
                    fw={500}
                    rightSection={
                      editable && mayRemove(n.group) ? (
                        <Tooltip label={intl.formatMessage(m.removeRater, { name: n.rater.name })}>
                          <ActionIcon
                            size="xs"
                            variant="transparent"
                            color="gray"
                            aria-label={intl.formatMessage(m.removeRaterAs, {
                              name: n.rater.name,
                              group: groupNoun(n.group),
                            })}
                            onClick={() =>
                              void nominate({
                                variables: {
                                  input: { cycleId: cycle.id, subjectId: subject.id, raterId: n.rater.id, group: n.group, remove: true },
                                },
                              }).catch(() => undefined)
                            }
                          >
                            <IconX size={12} />
                          </ActionIcon>
                        </Tooltip>
                      ) : undefined
                    }
                  >
                    {n.rater.name}
                  </Badge>
                ))}
              </Group>
            </div>
          );
        })}
      </Stack>
      {nominateState.error && <ErrorState error={nominateState.error} what={intl.formatMessage(m.changeFailed)} />}
      {editable && (
        <Group mt="md" gap="sm">
          {proposed > 0 && mode !== 'subject' && (
            <Button
              size="xs"
              color="teal"
              onClick={onApprove}
              loading={approving}
              aria-label={intl.formatMessage(m.approveFor, { name: subject.name })}
            >
              {intl.formatMessage(m.approveRaters)}
            </Button>
          )}
          {mode !== 'manager' && (
            <Button size="xs" variant="subtle" leftSection={<IconUserPlus size={14} aria-hidden />} onClick={() => setAdding((v) => !v)}>
              {intl.formatMessage(mode === 'subject' ? m.proposePeer : m.addRater)}
            </Button>
          )}
        </Group>
      )}
      {adding && editable && (
        <AddRater
          onAdd={async (raterId, group) => {
            await nominate({ variables: { input: { cycleId: cycle.id, subjectId: subject.id, raterId, group } } }).catch(() => undefined);
            setAdding(false);
          }}
          exclude={new Set([subject.id, ...nominations.map((n) => n.rater.id)])}
          colleaguesIn={mode === 'subject' ? cycle.id : undefined}
          groups={mode === 'subject' ? ['peer', 'other'] : undefined}
        />
      )}
    </Card>
  );
}

/** The options as the server found them (its search also matches e-mail and employee id, which the labels do not show). */
const serverFiltered: OptionsFilter = ({ options }) => options;

/** The fewest letters a leader's colleague search takes (the API's rule). */
const COLLEAGUE_SEARCH_MIN = 2;

/**
 * Picks a person and the group they rate in. HR searches the whole directory (`people`); a leader
 * proposing in a cycle (`colleaguesIn`) searches colleagues by name (`colleagues`, two letters at
 * least). Both are searched on the server as one types (an organisation has far more people than a
 * list can hold); `people` given are filtered here.
 */
export function AddRater({
  onAdd,
  exclude,
  colleaguesIn,
  people,
  groups,
}: {
  onAdd: (raterId: string, group: RaterGroup, label: string) => Promise<void>;
  exclude: Set<string>;
  /** The cycle a leader proposes raters in: search colleagues instead of HR's directory. */
  colleaguesIn?: string;
  /** Or a given list, filtered here (a leader's pulse: the people of her released cycle). */
  people?: { id: string; name: string; department?: string | null }[];
  groups?: RaterGroup[];
}) {
  const intl = useIntl();
  const groupLabel = useGroupLabel();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [rater, setRater] = useState<{ value: string; label: string } | null>(null);
  const term = rater && debounced === rater.label ? '' : debounced.trim();
  const leader = colleaguesIn != null;
  const directory = useQuery(PEOPLE, { variables: { search: term || undefined, limit: 50 }, skip: leader || people != null });
  const tooShort = term.length < COLLEAGUE_SEARCH_MIN;
  const colleagues = useQuery(COLLEAGUES, {
    variables: { cycleId: colleaguesIn ?? '', search: term, first: 20 },
    skip: !leader || tooShort,
  });
  const [group, setGroup] = useState<RaterGroup>('peer');
  const found = people ?? (leader ? (tooShort ? [] : (colleagues.data?.colleagues.nodes ?? [])) : (directory.data?.people ?? []));
  const options = found
    .filter((p) => !exclude.has(p.id))
    .map((p) => ({ value: p.id, label: intl.formatMessage(m.personOption, { name: p.name, department: p.department || 'none' }) }));
  if (rater && !options.some((o) => o.value === rater.value)) options.unshift(rater);
  const nothingFound =
    leader && tooShort
      ? intl.formatMessage(m.typeMore, { count: COLLEAGUE_SEARCH_MIN })
      : leader && colleagues.error
        ? intl.formatMessage(m.colleagueSearchFailed)
        : intl.formatMessage(m.nobodyFound);
  return (
    <Group mt="sm" align="flex-end" gap="sm" wrap="wrap">
      <Select
        label={intl.formatMessage(m.person)}
        searchable
        data={options}
        value={rater?.value ?? null}
        onChange={(value, option) => setRater(value && option ? { value, label: option.label } : null)}
        searchValue={search}
        onSearchChange={setSearch}
        filter={people == null ? serverFiltered : undefined}
        w={260}
        placeholder={intl.formatMessage(leader ? m.searchColleagues : m.searchDirectory)}
        nothingFoundMessage={nothingFound}
      />
      <Select
        label={intl.formatMessage(m.columnAs)}
        data={(groups ?? GROUP_ORDER.filter((g) => g !== 'self')).map((g) => ({ value: g, label: groupLabel(g) }))}
        value={group}
        onChange={(v) => v && setGroup(v)}
        w={180}
        allowDeselect={false}
      />
      <Button disabled={!rater} onClick={() => rater && void onAdd(rater.value, group, rater.label)}>
        {intl.formatMessage(m.add)}
      </Button>
    </Group>
  );
}

export function MinimumsNote({ cycle }: { cycle: CycleFieldsFragment }) {
  const intl = useIntl();
  const groupNoun = useGroupNoun();
  return (
    <Alert variant="light" color="gray">
      {intl.formatMessage(m.minimums, {
        list: intl.formatList(
          cycle.minRaters.map((r) => intl.formatMessage(m.minimumItem, { group: groupNoun(r.group, r.count), count: r.count })),
          { type: 'unit' },
        ),
      })}
    </Alert>
  );
}
