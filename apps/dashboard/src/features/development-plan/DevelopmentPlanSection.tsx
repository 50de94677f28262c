import { useMutation, useQuery } from '@apollo/client/react';
import { ActionIcon, Alert, Badge, Button, Card, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useId, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { ErrorState, Loading } from '../../app/ui';
import { errorCode } from '../../app/errors';
import type { DevelopmentPlanFieldsFragment, FocusAreaKind } from '../../gql/graphql';
import { m } from './messages';
import { COMMENT_ON_DEVELOPMENT_PLAN, DEVELOPMENT_PLAN, SAVE_DEVELOPMENT_PLAN } from './operations';

/** What the leader can choose from: the report's dimensions and items. */
export interface PlanChoices {
  dimensions: readonly { dimensionId: string; name: string }[];
  items: readonly { itemId: string; text: string; dimensionId: string }[];
}

interface DraftArea {
  key: string;
  actions: string;
}

const dateOnly = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The server's field problems by field path (`input.focusAreas[0].id`), to show beside each input. */
function fieldProblems(error: unknown): Record<string, string> {
  if (!CombinedGraphQLErrors.is(error)) return {};
  const out: Record<string, string> = {};
  for (const e of error.errors)
    for (const f of (Array.isArray(e.extensions?.fields) ? e.extensions.fields : []) as { field: string; message: string }[])
      out[f.field] ??= f.message;
  return out;
}

/**
 * A leader's development plan on their report: the leader writes and changes it (each save a new
 * version), their manager reads it and comments. HR alone never reaches it (the gateway refuses the
 * content; HR's cycle page shows only who has a plan).
 */
export function DevelopmentPlanSection({
  cycleId,
  subjectId,
  subjectName,
  isLeader,
  isCoach = false,
  choices,
  anchor = false,
}: {
  cycleId: string;
  subjectId: string;
  subjectName: string;
  isLeader: boolean;
  /** The viewer is the leader's coach (a coached cycle): they read and comment like the manager. */
  isCoach?: boolean;
  choices: PlanChoices;
  /** The report page's section, which mails link to (`#development-plan`). */
  anchor?: boolean;
}) {
  const intl = useIntl();
  const titleId = useId();
  const query = useQuery(DEVELOPMENT_PLAN, { variables: { cycleId, subjectId }, fetchPolicy: 'cache-and-network' });
  const [editing, setEditing] = useState(false);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const plan = query.data?.developmentPlan ?? null;

  if (query.error) {
    // HR without a personal tie to the leader is not shown the plan at all: nothing to say here.
    if (errorCode(query.error) === 'FORBIDDEN') return null;
    return <ErrorState error={query.error} what={intl.formatMessage(m.loadFailed)} onRetry={() => void query.refetch()} />;
  }
  return (
    <Card padding="lg" mt={anchor ? 'xl' : 0} id={anchor ? 'development-plan' : undefined} component="section" aria-labelledby={titleId}>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={anchor ? 2 : 3} size="h3" id={titleId}>
          {intl.formatMessage(m.title)}
        </Title>
        {isLeader && !editing && !query.loading && (
          <Button variant={plan ? 'default' : 'filled'} onClick={() => setEditing(true)}>
            {intl.formatMessage(plan ? m.edit : m.start)}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {isLeader ? intl.formatMessage(m.leaderIntro) : intl.formatMessage(isCoach ? m.coachIntro : m.managerIntro, { name: subjectName })}
      </Text>
      {savedVersion !== null && !editing && (
        <Alert color="teal" variant="light" mb="md" role="status">
          {intl.formatMessage(m.saved, { version: savedVersion })}
        </Alert>
      )}
      {query.loading && !query.data ? (
        <Loading label={intl.formatMessage(m.title)} />
      ) : editing ? (
        <PlanEditor
          cycleId={cycleId}
          plan={plan}
          choices={choices}
          onCancel={() => setEditing(false)}
          onSaved={(version) => {
            setSavedVersion(version);
            setEditing(false);
          }}
        />
      ) : plan ? (
        <PlanView plan={plan} subjectName={subjectName} />
      ) : (
        <Text>{isLeader ? intl.formatMessage(m.noPlanLeader) : intl.formatMessage(m.noPlanManager, { name: subjectName })}</Text>
      )}
    </Card>
  );
}

function PlanEditor({
  cycleId,
  plan,
  choices,
  onCancel,
  onSaved,
}: {
  cycleId: string;
  plan: DevelopmentPlanFieldsFragment | null;
  choices: PlanChoices;
  onCancel: () => void;
  onSaved: (version: number) => void;
}) {
  const intl = useIntl();
  const [areas, setAreas] = useState<DraftArea[]>(
    plan ? plan.focusAreas.map((a) => ({ key: `${a.kind}:${a.id}`, actions: a.actions })) : [{ key: '', actions: '' }],
  );
  const [reviewDate, setReviewDate] = useState(plan?.reviewDate ?? '');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [save, saving] = useMutation(SAVE_DEVELOPMENT_PLAN, {
    // The plan query may hold null (no plan yet): point it at the saved plan.
    update: (cache, { data }) => {
      const saved = data?.saveDevelopmentPlan;
      if (saved)
        cache.writeQuery({
          query: DEVELOPMENT_PLAN,
          variables: { cycleId: saved.cycleId, subjectId: saved.subjectId },
          data: { developmentPlan: saved },
        });
    },
  });
  const server = fieldProblems(saving.error);

  const options = useMemo(() => {
    const dimensionName = new Map(choices.dimensions.map((d) => [d.dimensionId, d.name]));
    return [
      {
        group: intl.formatMessage(m.dimensions),
        items: choices.dimensions.map((d) => ({ value: `dimension:${d.dimensionId}`, label: d.name })),
      },
      ...choices.dimensions
        .map((d) => ({
          group: intl.formatMessage(m.itemsOf, { dimension: dimensionName.get(d.dimensionId) ?? d.dimensionId }),
          items: choices.items
            .filter((it) => it.dimensionId === d.dimensionId)
            .map((it) => ({ value: `item:${it.itemId}`, label: it.text })),
        }))
        .filter((g) => g.items.length > 0),
    ];
  }, [choices, intl]);

  const submit = async () => {
    const problems: Record<string, string> = {};
    areas.forEach((a, i) => {
      if (!a.key) problems[`input.focusAreas[${i}].id`] = intl.formatMessage(m.chooseArea);
      if (!a.actions.trim()) problems[`input.focusAreas[${i}].actions`] = intl.formatMessage(m.writeActions);
    });
    if (!reviewDate) problems['input.reviewDate'] = intl.formatMessage(m.chooseDate);
    setMissing(problems);
    if (Object.keys(problems).length > 0) return;
    const result = await save({
      variables: {
        input: {
          cycleId,
          focusAreas: areas.map((a) => {
            const [kind, ...id] = a.key.split(':');
            return { kind: kind as FocusAreaKind, id: id.join(':'), actions: a.actions };
          }),
          reviewDate,
          expectedVersion: plan?.version ?? 0,
        },
      },
    }).catch(() => null);
    const saved = result?.data?.saveDevelopmentPlan;
    if (saved) onSaved(saved.version);
  };
  const problem = (field: string) => missing[field] ?? server[field];
  const taken = new Set(areas.map((a) => a.key));

  return (
    <Stack gap="md">
      {areas.map((area, i) => (
        <Card key={i} withBorder padding="md">
          <Stack gap="xs">
            <Group align="flex-end" wrap="nowrap">
              <Select
                style={{ flex: 1 }}
                label={intl.formatMessage(m.focusArea, { n: i + 1 })}
                placeholder={intl.formatMessage(m.focusAreaPlaceholder)}
                data={options.map((g) => ({
                  ...g,
                  items: g.items.map((o) => ({ ...o, disabled: o.value !== area.key && taken.has(o.value) })),
                }))}
                value={area.key || null}
                onChange={(v) => setAreas(areas.map((a, j) => (j === i ? { ...a, key: v ?? '' } : a)))}
                searchable
                error={problem(`input.focusAreas[${i}].id`)}
                required
              />
              {areas.length > 1 && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={intl.formatMessage(m.removeFocusArea, { n: i + 1 })}
                  onClick={() => setAreas(areas.filter((_, j) => j !== i))}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              )}
            </Group>
            <Textarea
              label={intl.formatMessage(m.actions)}
              description={intl.formatMessage(m.actionsHint)}
              value={area.actions}
              onChange={(e) => {
                const actions = e.currentTarget.value;
                setAreas((prev) => prev.map((a, j) => (j === i ? { ...a, actions } : a)));
              }}
              autosize
              minRows={2}
              maxLength={2000}
              error={problem(`input.focusAreas[${i}].actions`)}
              required
            />
          </Stack>
        </Card>
      ))}
      {areas.length < 3 ? (
        <Button variant="light" onClick={() => setAreas([...areas, { key: '', actions: '' }])} style={{ alignSelf: 'flex-start' }}>
          {intl.formatMessage(m.addFocusArea)}
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          {intl.formatMessage(m.atMostThree)}
        </Text>
      )}
      <TextInput
        type="date"
        label={intl.formatMessage(m.reviewDate)}
        description={intl.formatMessage(m.reviewDateHint)}
        value={reviewDate}
        onChange={(e) => setReviewDate(e.currentTarget.value)}
        error={problem('input.reviewDate')}
        required
        w={260}
      />
      {saving.error && Object.keys(server).length === 0 && <ErrorState error={saving.error} what={intl.formatMessage(m.notSaved)} />}
      <Group>
        <Button onClick={() => void submit()} loading={saving.loading}>
          {intl.formatMessage(m.save)}
        </Button>
        <Button variant="default" onClick={onCancel}>
          {intl.formatMessage(m.cancel)}
        </Button>
      </Group>
    </Stack>
  );
}

function PlanView({ plan, subjectName }: { plan: DevelopmentPlanFieldsFragment; subjectName: string }) {
  const intl = useIntl();
  const day = (iso: string) => intl.formatDate(dateOnly(iso), { dateStyle: 'long', timeZone: 'UTC' });
  const when = (iso: string) => intl.formatDate(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
  const [comment, setComment] = useState('');
  const [send, sending] = useMutation(COMMENT_ON_DEVELOPMENT_PLAN, {
    update: (cache, { data }) => {
      const updated = data?.commentOnDevelopmentPlan;
      if (updated)
        cache.writeQuery({
          query: DEVELOPMENT_PLAN,
          variables: { cycleId: updated.cycleId, subjectId: updated.subjectId },
          data: { developmentPlan: updated },
        });
    },
  });
  const earlier = plan.history.slice(1);
  const submit = async () => {
    const result = await send({ variables: { input: { cycleId: plan.cycleId, subjectId: plan.subjectId, body: comment } } }).catch(
      () => null,
    );
    if (result?.data) setComment('');
  };
  return (
    <Stack gap="md">
      <Group gap="sm">
        <Badge variant="light" size="lg">
          {intl.formatMessage(m.reviewOn, { date: day(plan.reviewDate) })}
        </Badge>
        <Text size="sm" c="dimmed">
          {intl.formatMessage(m.version, { version: plan.version, date: when(plan.savedAt) })}
        </Text>
      </Group>
      <Stack gap="sm" component="ol" style={{ paddingLeft: 20, margin: 0 }}>
        {plan.focusAreas.map((a) => (
          <li key={`${a.kind}:${a.id}`}>
            <Text fw={600}>{a.label}</Text>
            <Text size="xs" c="dimmed">
              {a.kind === 'dimension' ? intl.formatMessage(m.dimension) : intl.formatMessage(m.item, { dimension: a.dimensionName })}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {a.actions}
            </Text>
          </li>
        ))}
      </Stack>
      {earlier.length > 0 && (
        <details>
          <summary>
            <Text span size="sm">
              {intl.formatMessage(m.history, { count: earlier.length })}
            </Text>
          </summary>
          <Stack gap="xs" mt="xs">
            {earlier.map((v) => (
              <div key={v.version}>
                <Text size="sm" fw={600}>
                  {intl.formatMessage(m.historyVersion, { version: v.version, date: when(v.savedAt), review: day(v.reviewDate) })}
                </Text>
                <Text size="sm" c="dimmed">
                  {v.focusAreas.map((a) => `${a.label}: ${a.actions}`).join(' · ')}
                </Text>
              </div>
            ))}
          </Stack>
        </details>
      )}
      <div>
        <Title order={3} size="h5" mb="xs">
          {intl.formatMessage(m.comments)}
        </Title>
        {plan.comments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {intl.formatMessage(m.noComments)}
          </Text>
        ) : (
          <Stack gap="xs">
            {plan.comments.map((c) => (
              <Card key={c.id} withBorder padding="sm">
                <Text size="xs" c="dimmed">
                  {intl.formatMessage(m.commentOn, { author: c.authorName, version: c.planVersion, date: when(c.createdAt) })}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {c.body}
                </Text>
              </Card>
            ))}
          </Stack>
        )}
        {plan.commentable && (
          <Stack gap="xs" mt="sm">
            <Textarea
              label={intl.formatMessage(m.commentLabel, { name: subjectName })}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={2000}
            />
            {sending.error && <ErrorState error={sending.error} what={intl.formatMessage(m.commentNotSaved)} />}
            <Button onClick={() => void submit()} loading={sending.loading} disabled={!comment.trim()} style={{ alignSelf: 'flex-start' }}>
              {intl.formatMessage(m.comment)}
            </Button>
          </Stack>
        )}
      </div>
    </Stack>
  );
}
