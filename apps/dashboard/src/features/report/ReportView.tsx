import { Grid, Stack } from '@mantine/core';
import type { ReportDocument } from '@leaderscope/messages/src/report';
import { ReadingGuide, ReportSection, StatCards } from './ReportBlocks';

/**
 * The whole report for one subject, drawn from its description (`describeReport`): the reading
 * guide, the key figures, then every section in the description's order — the order the PDF has.
 * The first two sections sit side by side on wide screens.
 */
export function ReportView({ document }: { document: ReportDocument }) {
  const [first, second, ...rest] = document.sections;
  return (
    <Stack gap="lg">
      <ReadingGuide guide={document.guide} />
      <StatCards stats={document.stats} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ReportSection section={first} helpLabel={document.helpLabel} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <ReportSection section={second} helpLabel={document.helpLabel} />
        </Grid.Col>
      </Grid>
      {rest.map((section) => (
        <ReportSection key={section.id} section={section} helpLabel={document.helpLabel} />
      ))}
    </Stack>
  );
}
