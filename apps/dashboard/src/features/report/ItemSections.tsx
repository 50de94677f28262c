import { Badge, Box, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, ErrorBar, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { signed } from '../../app/theme';
import { fmt, SERIES, type Report } from './types';

type Ranked = Report['highestItems'][number];

/** Bars of the items' others averages with their 95% intervals. */
function ItemBars({ items, label }: { items: Ranked[]; label: string }) {
  const data = items.map((i) => ({
    name: i.text.length > 48 ? `${i.text.slice(0, 46)}…` : i.text,
    mean: i.others,
    error: i.ciLow != null && i.ciHigh != null ? [i.others - i.ciLow, i.ciHigh - i.others] : [0, 0],
  }));
  return (
    <Box role="img" aria-label={`${label}: ${items.map((i) => `${i.text} ${fmt(i.others, 2)}`).join('; ')}`}>
      <ResponsiveContainer width="100%" height={Math.max(120, 44 * items.length)}>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} />
          <YAxis type="category" dataKey="name" width={220} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(2) : String(v))} />
          <Bar dataKey="mean" name="Others" fill={SERIES.others.color} isAnimationActive={false}>
            <ErrorBar dataKey="error" width={6} stroke="#111827" direction="x" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}

export function ItemHighlights({ report }: { report: Report }) {
  if (report.highestItems.length === 0) return <Text c="dimmed">Not enough published item figures yet.</Text>;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
      <Box>
        <Title order={3} fz="md" mb="xs">
          Highest rated
        </Title>
        <ItemBars items={report.highestItems} label="Highest rated items" />
      </Box>
      <Box>
        <Title order={3} fz="md" mb="xs">
          Lowest rated
        </Title>
        {report.lowestItems.length ? (
          <ItemBars items={report.lowestItems} label="Lowest rated items" />
        ) : (
          <Text c="dimmed">No other items have a published figure.</Text>
        )}
      </Box>
    </SimpleGrid>
  );
}

/** Every item: others with interval and n, self, and the self–others gap; hidden figures say so. */
export function ItemTable({ report }: { report: Report }) {
  const names = new Map(report.dimensions.map((d) => [d.dimensionId, d.name]));
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={6} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Item</Table.Th>
            <Table.Th scope="col">Dimension</Table.Th>
            <Table.Th scope="col" ta="right">
              Others (95% interval)
            </Table.Th>
            <Table.Th scope="col" ta="right">
              n
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Self
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Self − others
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.items.map((i) => {
            const self = i.groups.find((g) => g.group === 'self');
            return (
              <Table.Tr key={i.itemId}>
                <Table.Td>{i.text}</Table.Td>
                <Table.Td>{names.get(i.dimensionId) ?? i.dimensionId}</Table.Td>
                <Table.Td ta="right">
                  {i.others.suppressed ? (
                    <Text span c="dimmed" size="sm" title={i.others.suppressionReason ?? undefined}>
                      not shown
                    </Text>
                  ) : (
                    `${fmt(i.others.mean, 2)}${i.others.ciLow != null ? ` (${fmt(i.others.ciLow, 2)}–${fmt(i.others.ciHigh, 2)})` : ''}`
                  )}
                </Table.Td>
                <Table.Td ta="right">{i.others.suppressed ? '—' : i.others.n}</Table.Td>
                <Table.Td ta="right">{self && !self.suppressed ? fmt(self.mean, 0) : '—'}</Table.Td>
                <Table.Td ta="right">{i.gap != null ? signed(i.gap) : '—'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type Comparisons = NonNullable<Report['comparisons']>;

export function Norms({ comparisons }: { comparisons: Comparisons }) {
  const cell = (n: Comparisons['norms'][number]['cycle']) =>
    n.available && n.percentile != null ? (
      `${Math.round(n.percentile)}th of ${n.normSize}`
    ) : (
      <Text span c="dimmed" size="sm">
        not shown ({n.normSize} leaders; needs 10)
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing={6} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Dimension</Table.Th>
            <Table.Th scope="col" ta="right">
              Percentile in this cycle
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Percentile in the organisation
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {comparisons.norms.map((n) => (
            <Table.Tr key={n.dimensionId}>
              <Table.Td>{n.name}</Table.Td>
              <Table.Td ta="right">{cell(n.cycle)}</Table.Td>
              <Table.Td ta="right">{cell(n.organisation)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const CALLS: Record<string, { label: string; color: string }> = {
  improved: { label: 'Improved', color: 'teal' },
  declined: { label: 'Declined', color: 'red' },
  'no-clear-change': { label: 'No clear change', color: 'gray' },
  'not-comparable': { label: 'Not comparable', color: 'gray' },
};

export function LikeForLikeTrend({ trend }: { trend: NonNullable<Comparisons['trend']> }) {
  return (
    <Box>
      <Text size="sm" c="dimmed" mb="sm">
        The previous cycle's answers are scored again with this cycle's questionnaire (version {trend.instrumentVersion}, previously{' '}
        {trend.previousInstrumentVersion}). A change is called only when its 95% interval excludes zero.
        {trend.ratersInCommon != null ? ` ${Math.round(trend.ratersInCommon * 100)}% of this cycle's raters also rated last time.` : ''}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing={6} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Dimension</Table.Th>
              <Table.Th scope="col" ta="right">
                Before (n)
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Now (n)
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Change (95% interval)
              </Table.Th>
              <Table.Th scope="col">Reading</Table.Th>
              <Table.Th scope="col" ta="right">
                Items in common
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {trend.dimensions.map((d) => (
              <Table.Tr key={d.dimensionId}>
                <Table.Td>{d.name}</Table.Td>
                <Table.Td ta="right">{d.previous != null ? `${fmt(d.previous, 2)} (${d.previousRaters})` : '—'}</Table.Td>
                <Table.Td ta="right">{d.current != null ? `${fmt(d.current, 2)} (${d.currentRaters})` : '—'}</Table.Td>
                <Table.Td ta="right">
                  {d.change != null ? `${signed(d.change)}${d.ciLow != null ? ` (${signed(d.ciLow)} to ${signed(d.ciHigh)})` : ''}` : '—'}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={CALLS[d.call]?.color ?? 'gray'}>
                    {CALLS[d.call]?.label ?? d.call}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{d.itemsInCommon != null ? `${Math.round(d.itemsInCommon * 100)}%` : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Box>
  );
}
