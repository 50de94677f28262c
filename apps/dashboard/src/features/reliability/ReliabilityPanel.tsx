import { Alert, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { groupLabel } from '../../app/theme';
import { ErrorState, Loading } from '../../app/ui';
import type { CycleReliabilityQuery } from '../../gql/graphql';
import { CYCLE_RELIABILITY } from './operations';

type Reliability = CycleReliabilityQuery['cycleReliability'];
const f2 = (x: number | null | undefined) => (x == null ? '—' : x.toFixed(2));
const label = (g: string) => groupLabel(g);

/** HR: how far the figures can be trusted — projected from who is invited, measured once the cycle is scored. */
export function ReliabilityPanel({ cycleId }: { cycleId: string }) {
  const { data, loading, error, refetch } = useQuery(CYCLE_RELIABILITY, { variables: { cycleId }, fetchPolicy: 'cache-and-network' });
  if (error) return <ErrorState error={error} what="Reliability could not be loaded" onRetry={() => void refetch()} />;
  if (loading && !data) return <Loading label="Loading reliability…" />;
  return <ReliabilityView reliability={data!.cycleReliability} />;
}

export function ReliabilityView({ reliability }: { reliability: Reliability }) {
  const warnings = reliability.projection.flatMap((p) =>
    p.groups.flatMap((g) => g.warnings.map((w) => ({ who: p.subject.name, group: g.group, ...w }))),
  );
  const thresholdWarnings = warnings.filter((w) => w.code !== 'below-target');
  return (
    <Stack gap="lg">
      <Card>
        <Title order={2} fz="lg">
          Projected reliability of who is invited
        </Title>
        <Text size="sm" c="dimmed" mt={2}>
          How consistent each group's average is expected to be with the raters invited (Spearman–Brown), from this organisation's own
          agreement between raters once a closed cycle gives enough data, else from published research. Aim for{' '}
          {reliability.target.toFixed(2)} or more.
        </Text>
        {thresholdWarnings.length > 0 && (
          <Alert color="orange" mt="md" title={`${thresholdWarnings.length} group(s) at risk of being hidden`}>
            {thresholdWarnings.slice(0, 8).map((w, i) => (
              <Text size="sm" key={i}>
                {w.who}: {w.message}
              </Text>
            ))}
          </Alert>
        )}
        <Table.ScrollContainer minWidth={640} mt="md">
          <Table verticalSpacing={6} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Leader</Table.Th>
                <Table.Th scope="col">Group</Table.Th>
                <Table.Th scope="col" ta="right">
                  Invited
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Projected
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Needed for {reliability.target.toFixed(2)}
                </Table.Th>
                <Table.Th scope="col">Warnings</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reliability.projection.flatMap((p) =>
                p.groups.map((g) => (
                  <Table.Tr key={`${p.subject.id}-${g.group}`}>
                    <Table.Td>{p.subject.name}</Table.Td>
                    <Table.Td>{label(g.group)}</Table.Td>
                    <Table.Td ta="right">{g.invited}</Table.Td>
                    <Table.Td ta="right" title={g.sourceNote}>
                      {f2(g.projected)}
                    </Table.Td>
                    <Table.Td ta="right">{g.ratersForTarget ?? '—'}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {g.warnings.map((w) => (
                          <Badge key={w.code} variant="light" color={w.code === 'below-target' ? 'yellow' : 'orange'} title={w.message}>
                            {w.code === 'below-target'
                              ? 'below target'
                              : w.code === 'exactly-threshold'
                                ? 'exactly at threshold'
                                : 'below threshold'}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Card>
        <Title order={2} fz="lg">
          Measured reliability
        </Title>
        {!reliability.scoredAt ? (
          <Text size="sm" c="dimmed" mt={4}>
            Measured once the cycle is closed and scored.
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl" mt="md">
            <div
              role="img"
              aria-label={`Cronbach's alpha per dimension: ${reliability.alpha.map((a) => `${a.name} ${f2(a.alpha)}`).join('; ')}`}
            >
              <Text size="sm" fw={650} mb={4}>
                Internal consistency (Cronbach's alpha) per dimension
              </Text>
              <ResponsiveContainer width="100%" height={Math.max(160, 30 * reliability.alpha.length)}>
                <BarChart
                  data={reliability.alpha.map((a) => ({ name: a.name, alpha: a.alpha ?? 0 }))}
                  layout="vertical"
                  margin={{ left: 8, right: 16 }}
                >
                  <CartesianGrid horizontal={false} strokeDasharray="3 3" />
                  <XAxis type="number" domain={[0, 1]} />
                  <YAxis type="category" dataKey="name" width={170} tick={{ fontSize: 12 }} />
                  <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(2) : String(v))} />
                  <ReferenceLine x={0.7} stroke="#4b5563" strokeDasharray="4 4" />
                  <Bar dataKey="alpha" fill="#2d549e" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <div>
              <Text size="sm" fw={650} mb={4}>
                Agreement between raters of a group
              </Text>
              <Table verticalSpacing={6} striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Group</Table.Th>
                    <Table.Th scope="col" ta="right">
                      One rater, ICC(1)
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      Group average, ICC(k)
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      Leaders
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {reliability.groups.map((g) => (
                    <Table.Tr key={g.group}>
                      <Table.Td>{label(g.group)}</Table.Td>
                      <Table.Td ta="right">{f2(g.icc1)}</Table.Td>
                      <Table.Td ta="right">{f2(g.icck)}</Table.Td>
                      <Table.Td ta="right">{g.subjects}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text size="xs" c="dimmed" mt="xs">
                Norms (percentiles) need 10 leaders with a published score: {reliability.norms.filter((n) => n.available).length} of{' '}
                {reliability.norms.length} dimensions have them.
              </Text>
            </div>
          </SimpleGrid>
        )}
      </Card>
    </Stack>
  );
}
