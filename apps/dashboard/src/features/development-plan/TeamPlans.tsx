import { Accordion, Card, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useIntl } from 'react-intl';
import { DevelopmentPlanSection } from './DevelopmentPlanSection';
import { m } from './messages';
import { DEVELOPMENT_PLAN } from './operations';

function PlanStatus({ cycleId, subjectId }: { cycleId: string; subjectId: string }) {
  const intl = useIntl();
  const query = useQuery(DEVELOPMENT_PLAN, { variables: { cycleId, subjectId } });
  const plan = query.data?.developmentPlan;
  if (!query.data) return null;
  return (
    <Text size="sm" c="dimmed">
      {plan
        ? intl.formatMessage(m.teamPlanShared, {
            version: plan.version,
            date: intl.formatDate(new Date(`${plan.reviewDate}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' }),
          })
        : intl.formatMessage(m.teamNoPlan)}
    </Text>
  );
}

/** The manager's team view: each leader's development plan, to read and comment on. */
export function TeamPlans({ cycleId, leaders }: { cycleId: string; leaders: readonly { id: string; name: string }[] }) {
  const intl = useIntl();
  if (leaders.length === 0) return null;
  return (
    <Card padding="md" component="section" aria-labelledby="team-plans-title">
      <Title order={2} size="h4" id="team-plans-title" mb="sm">
        {intl.formatMessage(m.teamPlans)}
      </Title>
      <Accordion variant="separated" chevronPosition="left">
        {leaders.map((l) => (
          <Accordion.Item key={l.id} value={l.id}>
            <Accordion.Control>
              <Text fw={600}>{l.name}</Text>
              <PlanStatus cycleId={cycleId} subjectId={l.id} />
            </Accordion.Control>
            <Accordion.Panel>
              <DevelopmentPlanSection
                cycleId={cycleId}
                subjectId={l.id}
                subjectName={l.name}
                isLeader={false}
                choices={{ dimensions: [], items: [] }}
              />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Card>
  );
}
