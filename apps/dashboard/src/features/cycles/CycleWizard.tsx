import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { useInstrumentOptions, useProfileName } from '../../app/instruments';
import { ErrorState, Loading } from '../../app/ui';
import { PEOPLE } from '../import/operations';
import { commentThresholdMessages, messages as m } from './messages';
import { ADD_SUBJECTS, CREATE_CYCLE, CYCLES } from './operations';

const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

/** Cycle wizard: basics (instrument, role profile, anonymity, dates), subjects, review and create. */
export function CycleWizard() {
  const intl = useIntl();
  const profileName = useProfileName();
  const { versions: INSTRUMENT_VERSIONS, profiles: ROLE_PROFILES } = useInstrumentOptions();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [name, setName] = useState(() =>
    intl.formatMessage(m.wizardDefaultName, { month: intl.formatDate(new Date(), { month: 'long', year: 'numeric' }) }),
  );
  const [instrumentVersion, setInstrumentVersion] = useState('2');
  const [roleProfileId, setRoleProfileId] = useState('leader-of-leaders');
  const [threshold, setThreshold] = useState<number>(3);
  const [commentThreshold, setCommentThreshold] = useState<number | null>(null); // null: the same as the anonymity threshold
  const [opensAt, setOpensAt] = useState(day(0));
  const [closesAt, setClosesAt] = useState(day(21));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [touched, setTouched] = useState(false);
  const [search, setSearch] = useState('');

  const suggested = useQuery(PEOPLE, { variables: { leadersOfLeadersOnly: true, limit: 500 } });
  const everyone = useQuery(PEOPLE, { variables: { limit: 500 } });
  const [createCycle, createState] = useMutation(CREATE_CYCLE, { refetchQueries: [CYCLES] });
  const [addSubjects, addState] = useMutation(ADD_SUBJECTS);

  // Pre-select the suggested leaders of leaders who have a manager (a chief executive has nobody above to rate her).
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a default chosen once the query answers; the person edits it afterwards
    if (!touched && suggested.data) setSelected(new Set(suggested.data.people.filter((p) => p.managerId).map((p) => p.id)));
  }, [suggested.data, touched]);

  const suggestedIds = useMemo(() => new Set(suggested.data?.people.map((p) => p.id)), [suggested.data]);
  const candidates = useMemo(() => {
    const list = [
      ...(suggested.data?.people ?? []),
      ...(everyone.data?.people ?? []).filter((p) => !suggestedIds.has(p.id) && p.directReportCount > 0),
    ];
    const q = search.trim().toLowerCase();
    return q ? list.filter((p) => `${p.name} ${p.email ?? ''} ${p.department ?? ''}`.toLowerCase().includes(q)) : list;
  }, [suggested.data, everyone.data, suggestedIds, search]);

  const basicsProblems = [
    !name.trim() && intl.formatMessage(m.wizardNoName),
    threshold < 2 && intl.formatMessage(m.wizardThreshold),
    commentThreshold !== null && commentThreshold < threshold && intl.formatMessage(commentThresholdMessages.tooLow, { threshold }),
    commentThreshold !== null && commentThreshold > 50 && intl.formatMessage(commentThresholdMessages.tooHigh),
    !(opensAt && closesAt && closesAt > opensAt) && intl.formatMessage(m.wizardDates),
  ].filter(Boolean) as string[];

  const toggle = (id: string) => {
    setTouched(true);
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };

  const create = async () => {
    try {
      const { data } = await createCycle({
        variables: {
          input: {
            name: name.trim(),
            instrumentVersion: Number(instrumentVersion),
            roleProfileId,
            anonymityThreshold: threshold,
            ...(commentThreshold !== null && commentThreshold > threshold ? { commentThreshold } : {}),
            opensAt: new Date(`${opensAt}T00:00:00`).toISOString(),
            closesAt: new Date(`${closesAt}T23:59:00`).toISOString(),
          },
        },
      });
      if (!data) return;
      const id = data.createCycle.id;
      if (selected.size > 0) await addSubjects({ variables: { cycleId: id, personIds: [...selected] } });
      await navigate(`/cycles/${id}?tab=raters`);
    } catch {
      /* shown below */
    }
  };

  const peopleById = new Map([...(everyone.data?.people ?? []), ...(suggested.data?.people ?? [])].map((p) => [p.id, p]));

  return (
    <Card padding="xl">
      <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={intl.formatMessage(m.stepBasics)} description={intl.formatMessage(m.stepBasicsHint)}>
          <Stack gap="md" mt="lg" maw={720}>
            <TextInput label={intl.formatMessage(m.cycleName)} required value={name} onChange={(e) => setName(e.currentTarget.value)} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={intl.formatMessage(m.rescoreInstrument)}
                data={INSTRUMENT_VERSIONS}
                value={instrumentVersion}
                onChange={(v) => v && setInstrumentVersion(v)}
                allowDeselect={false}
              />
              <Select
                label={intl.formatMessage(m.rescoreProfile)}
                description={intl.formatMessage(m.profileHint)}
                data={ROLE_PROFILES}
                value={roleProfileId}
                onChange={(v) => v && setRoleProfileId(v)}
                allowDeselect={false}
              />
            </SimpleGrid>
            <NumberInput
              label={intl.formatMessage(m.thresholdLabel)}
              description={intl.formatMessage(m.thresholdHint)}
              min={2}
              max={10}
              value={threshold}
              onChange={(v) => setThreshold(Number(v) || 0)}
              maw={320}
            />
            <NumberInput
              label={intl.formatMessage(commentThresholdMessages.label)}
              description={intl.formatMessage(commentThresholdMessages.description)}
              min={threshold}
              max={50}
              value={commentThreshold ?? threshold}
              onChange={(v) => setCommentThreshold(v === '' ? null : Number(v))}
              maw={320}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={intl.formatMessage(m.opens)}
                type="date"
                value={opensAt}
                onChange={(e) => setOpensAt(e.currentTarget.value)}
              />
              <TextInput
                label={intl.formatMessage(m.closes)}
                type="date"
                value={closesAt}
                onChange={(e) => setClosesAt(e.currentTarget.value)}
              />
            </SimpleGrid>
            {basicsProblems.length > 0 && (
              <Alert color="orange" variant="light" role="alert">
                {basicsProblems.join(' ')}
              </Alert>
            )}
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={intl.formatMessage(m.stepLeaders)} description={intl.formatMessage(m.stepLeadersHint)}>
          <Stack mt="lg" gap="sm">
            <Group justify="space-between" wrap="wrap">
              <Text size="sm" c="dimmed" maw={620}>
                {intl.formatMessage(m.suggestedIntro)}
              </Text>
              <TextInput
                aria-label={intl.formatMessage(m.filterPeople)}
                placeholder={intl.formatMessage(m.filterPlaceholder)}
                value={search}
                onChange={(e) => setSearch(e.currentTarget.value)}
                w={260}
              />
            </Group>
            {(suggested.loading || everyone.loading) && !suggested.data && <Loading label={intl.formatMessage(m.findingLeaders)} />}
            {suggested.error && <ErrorState error={suggested.error} what={intl.formatMessage(m.peopleFailed)} />}
            {suggested.data && suggested.data.people.length === 0 && (
              <Alert color="orange" variant="light">
                {intl.formatMessage(m.nobodyLeads)}
              </Alert>
            )}
            <Table highlightOnHover verticalSpacing={8} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>
                    <span className="visually-hidden">{intl.formatMessage(m.include)}</span>
                  </Table.Th>
                  <Table.Th>{intl.formatMessage(m.columnLeader)}</Table.Th>
                  <Table.Th visibleFrom="sm">{intl.formatMessage(m.columnDepartment)}</Table.Th>
                  <Table.Th ta="right">{intl.formatMessage(m.columnDirectReports)}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {candidates.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Checkbox
                        checked={selected.has(p.id)}
                        onChange={() => toggle(p.id)}
                        aria-label={intl.formatMessage(m.reviewPerson, { name: p.name })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {p.name}{' '}
                        {p.isLeaderOfLeaders && (
                          <Badge size="xs" variant="light" ml={4}>
                            {intl.formatMessage(m.suggested)}
                          </Badge>
                        )}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {p.title ?? ''}
                      </Text>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">{p.department ?? '—'}</Table.Td>
                    <Table.Td ta="right">{p.directReportCount}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={intl.formatMessage(m.stepReview)} description={intl.formatMessage(m.stepReviewHint)}>
          <Stack mt="lg" gap="sm" maw={720}>
            <Table variant="vertical" withTableBorder fz="sm">
              <Table.Tbody>
                <Row label={intl.formatMessage(m.rowName)} value={name} />
                <Row
                  label={intl.formatMessage(m.rescoreInstrument)}
                  value={INSTRUMENT_VERSIONS.find((v) => v.value === instrumentVersion)?.label ?? instrumentVersion}
                />
                <Row label={intl.formatMessage(m.rescoreProfile)} value={profileName(roleProfileId)} />
                <Row label={intl.formatMessage(m.thresholdLabel)} value={intl.formatMessage(m.rowThreshold, { count: threshold })} />
                <Row
                  label={intl.formatMessage(m.rowDates)}
                  value={intl.formatMessage(m.rowDatesValue, {
                    opens: new Date(`${opensAt}T00:00:00`),
                    closes: new Date(`${closesAt}T00:00:00`),
                  })}
                />
                <Row
                  label={intl.formatMessage(m.rowLeaders)}
                  value={intl.formatMessage(m.rowLeadersValue, {
                    count: selected.size,
                    names: intl.formatList([...selected].map((id) => peopleById.get(id)?.name ?? id)) || intl.formatMessage(m.noneYet),
                  })}
                />
              </Table.Tbody>
            </Table>
            <Text size="sm" c="dimmed">
              {intl.formatMessage(m.wizardNext)}
            </Text>
            {createState.error && <ErrorState error={createState.error} what={intl.formatMessage(m.createFailed)} />}
            {addState.error && <ErrorState error={addState.error} what={intl.formatMessage(m.addFailed)} />}
          </Stack>
        </Stepper.Step>
      </Stepper>
      <Group justify="space-between" mt="xl">
        <Button variant="default" onClick={() => (step === 0 ? void navigate('/cycles') : setStep(step - 1))}>
          {intl.formatMessage(step === 0 ? m.cancel : m.back)}
        </Button>
        {step < 2 ? (
          <Button
            onClick={() => setStep(step + 1)}
            disabled={(step === 0 && basicsProblems.length > 0) || (step === 1 && selected.size === 0)}
          >
            {intl.formatMessage(m.next)}
          </Button>
        ) : (
          <Button onClick={() => void create()} loading={createState.loading || addState.loading}>
            {intl.formatMessage(m.createCycle)}
          </Button>
        )}
      </Group>
    </Card>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th w={200}>{label}</Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
}
