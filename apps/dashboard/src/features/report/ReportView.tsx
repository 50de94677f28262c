import { Box, Card, Grid, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { NEAR_TARGET } from '../../app/format';
import type { ReactNode } from 'react';
import { profileName } from '../../app/theme';
import { GroupBars } from './GroupBars';
import { ItemHighlights, ItemTable, LikeForLikeTrend, Norms } from './ItemSections';
import { ReportRadarChart } from './RadarChart';
import {
  ChangeSincePrevious,
  Comments,
  LowAgreement,
  Perception,
  ReadinessCards,
  StatCards,
  StrengthsAndDevelopment,
  TransitionRisks,
} from './ReportSections';
import { SERIES, type Report } from './types';

export interface ReportViewProps {
  report: Report;
  threshold: number;
  previous?: { report: Report; cycleName: string } | null;
}

function Section({
  title,
  description,
  help,
  children,
  id,
}: {
  title: string;
  description?: ReactNode;
  help?: ReactNode;
  children: ReactNode;
  id: string;
}) {
  return (
    <Card component="section" aria-labelledby={id}>
      <Title order={2} fz="lg" id={id}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mt={2}>
          {description}
        </Text>
      )}
      {help && (
        <details className="section-help">
          <summary>
            How to read this<span className="visually-hidden"> section: {title}</span>
          </summary>
          <div className="section-help-body">{help}</div>
        </details>
      )}
      <Box mt="md">{children}</Box>
    </Card>
  );
}

/** The short guide at the top of every report: the four ideas a first-time reader needs. */
export function ReadingGuide({ threshold }: { threshold: number }) {
  return (
    <Card component="section" aria-labelledby="sec-guide" className="reading-guide">
      <details open>
        <summary>
          <Title order={2} fz="lg" id="sec-guide" component="span">
            How to read this report
          </Title>
        </summary>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mt="sm">
          <Box>
            <Text fw={650} size="sm">
              Averages and their intervals
            </Text>
            <Text size="sm">
              Every average sits on the 1–5 answer scale and comes with a 95% interval: the range the average would most likely fall in had
              a different set of similar colleagues answered. A narrow interval means raters broadly agree; a wide one asks you to read the
              number with care. Differences smaller than the intervals are not worth acting on.
            </Text>
          </Box>
          <Box>
            <Text fw={650} size="sm">
              Why some groups are hidden
            </Text>
            <Text size="sm">
              A rater group’s own figures appear only when at least {threshold} people in it answered. Below that, someone could work out
              how one colleague answered, so the group is not shown on its own — not even to HR. Your manager’s and your own answers are
              always shown, because they are known anyway.
            </Text>
          </Box>
          <Box>
            <Text fw={650} size="sm">
              Target and fit
            </Text>
            <Text size="sm">
              The target is the level the role profile expects on each dimension. Targets come from the leadership framework for that role
              and are fixed before the cycle starts; they do not depend on how anyone scored. Fit is others’ average minus the target: “near
              target” means within {NEAR_TARGET.toFixed(2)} either side, “below” or “above” means further away.
            </Text>
          </Box>
          <Box>
            <Text fw={650} size="sm">
              Signals and transition risks
            </Text>
            <Text size="sm">
              A transition risk is a habit that often holds people back when they move from leading a team to leading leaders. Each risk is
              checked through a few signals: one statement from the survey, as answered by the groups who can see that behaviour, whose
              average is at or below a set level. A risk is flagged when enough of its signals are present.
            </Text>
          </Box>
        </SimpleGrid>
      </details>
    </Card>
  );
}

/** The whole report for one subject: pure presentation of the figures the API returns. */
export function ReportView({ report, threshold, previous }: ReportViewProps) {
  return (
    <Stack gap="lg">
      <ReadingGuide threshold={threshold} />
      <StatCards report={report} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Section
            id="sec-profile"
            title="Profile at a glance"
            help="Each spoke is one dimension of the role. The further out a point, the higher the average on the 1–5 scale. Where the others line sits inside the target line, others see less of that behaviour than the role expects. A dimension without enough published answers is left off the chart rather than drawn as zero."
            description={
              <>
                <span style={{ color: SERIES.others.color, fontWeight: 600 }}>Others</span>,{' '}
                <span style={{ color: SERIES.self.color, fontWeight: 600 }}>self</span> and the <b>target</b> of the{' '}
                {profileName(report.roleProfileId).toLowerCase()} role, per dimension.
              </>
            }
          >
            <ReportRadarChart dimensions={report.dimensions} />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Section
            id="sec-priorities"
            title="Strengths and development areas"
            help="The three dimensions furthest above the target, and the three furthest below it, by fit (others’ average minus target). A strength is where others see more than the role asks for; a development area is where they see less. Both use only published figures."
            description="Ranked by how far others’ view is above or below the target."
          >
            <StrengthsAndDevelopment report={report} />
          </Section>
        </Grid.Col>
      </Grid>
      <Section
        id="sec-perception"
        title="How you see yourself"
        help="The gap is your own rating minus others’ average. A difference is called out only when its 95% interval does not include zero, so small differences that could be chance are left out. A blind spot is not a failing: it is where a conversation with your raters is most useful."
        description="Only clear differences are called out: the 95% interval of the gap excludes zero."
      >
        <Perception report={report} />
      </Section>
      <Section
        id="sec-risks"
        title="Transition risks"
        help="Each risk is read from a few signals: a survey statement, answered by the groups who can observe it, whose average is at or below a set level. Flagged means enough signals are present; clear means they were checked and are not; not enough data means too few published answers to tell."
        description="Patterns that often hold back people moving from leading teams to leading leaders."
      >
        <TransitionRisks report={report} />
      </Section>
      <Section
        id="sec-groups"
        title="By rater group"
        help={`The dot is the group’s average, the whisker its 95% interval, and the dashed line the target. “Others (combined)” pools every group except self. A group with fewer than ${threshold} responses shows no figure at all, so no one can be identified.`}
        description={`Each bar is a group’s average with its 95% interval; the dashed line is the target. Groups with fewer than ${threshold} responses are not shown, to protect anonymity (the manager and self are always shown).`}
      >
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" verticalSpacing="xl">
          {report.dimensions.map((d) => (
            <GroupBars key={d.dimensionId} dimension={d} threshold={threshold} />
          ))}
        </SimpleGrid>
        {report.lowAgreement.length > 0 && (
          <Box mt="lg">
            <Text size="sm" fw={650} mb={4}>
              Where raters disagree
            </Text>
            <LowAgreement report={report} />
          </Box>
        )}
      </Section>
      <Section
        id="sec-items"
        title="Highest and lowest rated items"
        description="Others' average per item with its 95% interval; an item is shown only when enough people answered it."
      >
        <ItemHighlights report={report} />
      </Section>
      {report.comparisons && (
        <Section
          id="sec-norms"
          title="Compared with other leaders"
          description="Percentile of others' average among leaders rated on the same questionnaire; shown only from 10 leaders."
        >
          <Norms comparisons={report.comparisons} />
        </Section>
      )}
      {report.comparisons?.trend ? (
        <Section id="sec-trend" title="Change since the previous cycle">
          <LikeForLikeTrend trend={report.comparisons.trend} />
        </Section>
      ) : (
        previous && (
          <Section
            id="sec-change"
            title="Change since the previous cycle"
            help="Others’ average per dimension now and in your previous released cycle. Different raters may have answered each time, so treat changes smaller than 0.2 as no change."
          >
            <ChangeSincePrevious report={report} previous={previous.report} previousName={previous.cycleName} />
          </Section>
        )
      )}
      <Section
        id="sec-readiness"
        title="Readiness for other roles"
        help="The same answers, read against the targets of other role profiles. A dimension counts as met when its fit is no more than 0.25 below that profile’s target. This is a prompt for a development conversation, not a promotion decision."
        description="How the same answers read against the expectations of other role profiles."
      >
        <ReadinessCards report={report} />
      </Section>
      <Section
        id="sec-comments"
        title="Comments"
        help="Comments come only from rater groups large enough to be shown, and are never linked to a name. They are shown as written, grouped by the dimension the rater chose."
        description="Written comments, never attributed."
      >
        <Comments report={report} />
      </Section>
      <Section id="sec-all-items" title="Every item" description="Items with too few answers are not shown, to protect anonymity.">
        <ItemTable report={report} />
      </Section>
    </Stack>
  );
}
