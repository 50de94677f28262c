import { Box, Card, Grid, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { profileName } from '../../app/theme';
import { GroupBars } from './GroupBars';
import { ItemHighlights, ItemTable, LikeForLikeTrend, Norms } from './ItemSections';
import { ReportRadarChart } from './RadarChart';
import { ChangeSincePrevious, Comments, LowAgreement, Perception, ReadinessCards, StatCards, StrengthsAndDevelopment, TransitionRisks } from './ReportSections';
import { SERIES, type Report } from './types';

export interface ReportViewProps {
  report: Report;
  threshold: number;
  previous?: { report: Report; cycleName: string } | null;
}

function Section({ title, description, children, id }: { title: string; description?: ReactNode; children: ReactNode; id: string }) {
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
      <Box mt="md">{children}</Box>
    </Card>
  );
}

/** The whole report for one subject: pure presentation of the figures the API returns. */
export function ReportView({ report, threshold, previous }: ReportViewProps) {
  return (
    <Stack gap="lg">
      <StatCards report={report} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Section
            id="sec-profile"
            title="Profile at a glance"
            description={
              <>
                <span style={{ color: SERIES.others.color, fontWeight: 600 }}>Others</span>, <span style={{ color: SERIES.self.color, fontWeight: 600 }}>self</span> and the{' '}
                <b>target</b> of the {profileName(report.roleProfileId).toLowerCase()} role, per dimension.
              </>
            }
          >
            <ReportRadarChart dimensions={report.dimensions} />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Section id="sec-priorities" title="Strengths and development areas" description="Ranked by how far others’ view is above or below the target.">
            <StrengthsAndDevelopment report={report} />
          </Section>
        </Grid.Col>
      </Grid>
      <Section id="sec-perception" title="How you see yourself" description="Only clear differences are called out: the 95% interval of the gap excludes zero.">
        <Perception report={report} />
      </Section>
      <Section id="sec-risks" title="Transition risks" description="Patterns that often hold back people moving from leading teams to leading leaders.">
        <TransitionRisks report={report} />
      </Section>
      <Section
        id="sec-groups"
        title="By rater group"
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
      <Section id="sec-items" title="Highest and lowest rated items" description="Others' average per item with its 95% interval; an item is shown only when enough people answered it.">
        <ItemHighlights report={report} />
      </Section>
      {report.comparisons && (
        <Section id="sec-norms" title="Compared with other leaders" description="Percentile of others' average among leaders rated on the same questionnaire; shown only from 10 leaders.">
          <Norms comparisons={report.comparisons} />
        </Section>
      )}
      {report.comparisons?.trend ? (
        <Section id="sec-trend" title="Change since the previous cycle">
          <LikeForLikeTrend trend={report.comparisons.trend} />
        </Section>
      ) : previous && (
        <Section id="sec-change" title="Change since the previous cycle">
          <ChangeSincePrevious report={report} previous={previous.report} previousName={previous.cycleName} />
        </Section>
      )}
      <Section id="sec-readiness" title="Readiness for other roles" description="How the same answers read against the expectations of other role profiles.">
        <ReadinessCards report={report} />
      </Section>
      <Section id="sec-comments" title="Comments" description="Written comments, never attributed.">
        <Comments report={report} />
      </Section>
      <Section id="sec-all-items" title="Every item" description="Items with too few answers are not shown, to protect anonymity.">
        <ItemTable report={report} />
      </Section>
    </Stack>
  );
}
