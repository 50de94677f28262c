import { ActionIcon, Alert, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { IconCheck, IconUserPlus, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { useGroupLabel } from '../../app/i18n';
import { GROUP_ORDER } from '../../app/theme';
import { EmptyState, ErrorState, Loading } from '../../app/ui';
import type { CycleFieldsFragment, NominationsQuery, RaterGroup } from '../../gql/graphql';
import { PEOPLE } from '../import/operations';
import { messages as m } from './messages';
import { APPROVE_NOMINATIONS, NOMINATE_RATER, NOMINATIONS, PROPOSE_RATERS } from './operations';

type Nomination = NominationsQuery['nominations'][number];

/** Proposing raters from reporting lines, adjusting them, and approving them per subject. */
export function NominationsReview({ cycle }: { cycle: CycleFieldsFragment }) {
  const intl = useIntl();
  const editable = cycle.status === 'DRAFT';
  const { data, loading, error, refetch } = useQuery(NOMINATIONS, { variables: { cycleId: cycle.id }, fetchPolicy: 'cache-and-network' });
  const refetchQueries = [{ query: NOMINATIONS, variables: { cycleId: cycle.id } }];
  const [propose, proposeState] = useMutation(PROPOSE_RATERS, { refetchQueries, awaitRefetchQueries: true });
  const [approve, approveState] = useMutation(APPROVE_NOMINATIONS, { refetchQueries, awaitRefetchQueries: true });
  const [approvingAll, setApprovingAll] = useState(false);

  const bySubject = useMemo(() => {
    const map = new Map<string, Nomination[]>();
    for (const n of data?.nominations ?? []) if (n.status !== 'removed') map.set(n.subjectId, [...(map.get(n.subjectId) ?? []), n]);
    return map;
  }, [data]);

  if (cycle.subjects.length === 0)
    return <EmptyState title={intl.formatMessage(m.noLeadersTitle)}>{intl.formatMessage(m.noLeaders)}</EmptyState>;
  if (error) return <ErrorState error={error} what={intl.formatMessage(m.ratersLoadFailedAll)} onRetry={() => void refetch()} />;
  if (loading && !data) return <Loading label={intl.formatMessage(m.ratersLoading)} />;

  const nominations = data?.nominations.filter((n) => n.status !== 'removed') ?? [];
  const pendingSubjects = cycle.subjects.filter((s) => (bySubject.get(s.id) ?? []).some((n) => n.status === 'proposed'));

  const approveAll = async () => {
    setApprovingAll(true);
    try {
      for (const s of pendingSubjects) await approve({ variables: { cycleId: cycle.id, subjectId: s.id } });
    } catch {
      /* shown below */
    } finally {
      setApprovingAll(false);
    }
  };

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
                variant={nominations.length ? 'default' : 'filled'}
                onClick={() => void propose({ variables: { cycleId: cycle.id } }).catch(() => undefined)}
                loading={proposeState.loading}
              >
                {intl.formatMessage(nominations.length ? m.proposeAgain : m.proposeAll)}
              </Button>
              {pendingSubjects.length > 0 && (
                <Button
                  color="teal"
                  leftSection={<IconCheck size={16} aria-hidden />}
                  onClick={() => void approveAll()}
                  loading={approvingAll}
                >
                  {intl.formatMessage(m.approveAll, { count: pendingSubjects.length })}
                </Button>
              )}
            </Group>
          </Group>
        </Card>
      )}
      {proposeState.error && <ErrorState error={proposeState.error} what={intl.formatMessage(m.proposeFailed)} />}
      {approveState.error && <ErrorState error={approveState.error} what={intl.formatMessage(m.approveFailed)} />}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {cycle.subjects.map((subject) => (
          <SubjectRaters
            key={subject.id}
            cycle={cycle}
            subject={subject}
            nominations={bySubject.get(subject.id) ?? []}
            editable={editable}
            onApprove={() => void approve({ variables: { cycleId: cycle.id, subjectId: subject.id } }).catch(() => undefined)}
            approving={approveState.loading}
          />
        ))}
      </SimpleGrid>
    </Stack>
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
  candidates,
}: {
  cycle: CycleFieldsFragment;
  subject: CycleFieldsFragment['subjects'][number];
  nominations: Nomination[];
  editable: boolean;
  onApprove: () => void;
  approving: boolean;
  mode?: 'hr' | 'manager' | 'subject';
  /** For the leader: the people they may propose (the API gives leaders no directory). */
  candidates?: { id: string; name: string; department?: string | null }[];
}) {
  const intl = useIntl();
  const groupLabel = useGroupLabel();
  const mayRemove = (group: string) =>
    mode === 'hr' ? group !== 'self' : mode === 'subject' ? group === 'peer' || group === 'other' : false;
  const refetchQueries = ['Nominations']; // every list on screen, whichever variables it was read with
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
                              group: groupLabel(n.group).toLowerCase(),
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
          people={candidates}
          groups={mode === 'subject' ? ['peer', 'other'] : undefined}
        />
      )}
    </Card>
  );
}

function AddRater({
  onAdd,
  exclude,
  people,
  groups,
}: {
  onAdd: (raterId: string, group: RaterGroup) => Promise<void>;
  exclude: Set<string>;
  people?: { id: string; name: string; department?: string | null }[];
  groups?: RaterGroup[];
}) {
  const intl = useIntl();
  const groupLabel = useGroupLabel();
  const { data } = useQuery(PEOPLE, { variables: { limit: 500 }, skip: people != null });
  const [rater, setRater] = useState<string | null>(null);
  const [group, setGroup] = useState<RaterGroup>('peer');
  const options = (people ?? data?.people ?? [])
    .filter((p) => !exclude.has(p.id))
    .map((p) => ({ value: p.id, label: intl.formatMessage(m.personOption, { name: p.name, department: p.department || 'none' }) }));
  return (
    <Group mt="sm" align="flex-end" gap="sm" wrap="wrap">
      <Select
        label={intl.formatMessage(m.person)}
        searchable
        data={options}
        value={rater}
        onChange={setRater}
        w={260}
        placeholder={intl.formatMessage(m.searchDirectory)}
        nothingFoundMessage={intl.formatMessage(m.nobodyFound)}
      />
      <Select
        label={intl.formatMessage(m.columnAs)}
        data={(groups ?? GROUP_ORDER.filter((g) => g !== 'self')).map((g) => ({ value: g, label: groupLabel(g) }))}
        value={group}
        onChange={(v) => v && setGroup(v)}
        w={180}
        allowDeselect={false}
      />
      <Button disabled={!rater} onClick={() => rater && void onAdd(rater, group)}>
        {intl.formatMessage(m.add)}
      </Button>
    </Group>
  );
}

export function MinimumsNote({ cycle }: { cycle: CycleFieldsFragment }) {
  const intl = useIntl();
  const groupLabel = useGroupLabel();
  return (
    <Alert variant="light" color="gray">
      {intl.formatMessage(m.minimums, {
        list: cycle.minRaters
          .map((r) => intl.formatMessage(m.minimumItem, { group: groupLabel(r.group).toLowerCase(), count: r.count }))
          .join(', '),
      })}
    </Alert>
  );
}
