import { Alert, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useIntl } from 'react-intl';
import { score } from '../../app/format';
import { useGroupLabel } from '../../app/i18n';
import { ErrorState, Loading } from '../../app/ui';
import type { CycleReliabilityQuery } from '../../gql/graphql';
import { messages } from './messages';
import { CYCLE_RELIABILITY } from './operations';

type Reliability = CycleReliabilityQuery['cycleReliability'];
/** Reliabilities and ICCs (an ICC(1) can be below zero) as every figure is written: "0.70", "−0.05", "—". */
const f2 = (x: number | null | undefined) => score(x);

/** HR: how far the figures can be trusted — projected from who is invited, measured once the cycle is scored. */
export function ReliabilityPanel({ cycleId }: { cycleId: string }) {
  const intl = useIntl();
  const { data, loading, error, refetch } = useQuery(CYCLE_RELIABILITY, { variables: { cycleId }, fetchPolicy: 'cache-and-network' });
  if (error) return <ErrorState error={error} what={intl.formatMessage(messages.loadFailed)} onRetry={() => void refetch()} />;
  if (loading && !data) return <Loading label={intl.formatMessage(messages.loading)} />;
  return <ReliabilityView reliability={data!.cycleReliability} />;
}

export function ReliabilityView({ reliability }: { reliability: Reliability }) {
  const intl = useIntl();
  const label = useGroupLabel();
  const warnings = reliability.projection.flatMap((p) =>
    p.groups.flatMap((g) => g.warnings.map((w) => ({ who: p.subject.name, group: g.group, ...w }))),
  );
  const thresholdWarnings = warnings.filter((w) => w.code !== 'below-target');
  return (
    <Stack gap="lg">
      <Card>
        <Title order={2} fz="lg">
          {intl.formatMessage(messages.projectedTitle)}
        </Title>
        <Text size="sm" c="dimmed" mt={2}>
          {intl.formatMessage(messages.projectedIntro, { target: f2(reliability.target) })}
        </Text>
        {thresholdWarnings.length > 0 && (
          <Alert color="orange" mt="md" title={intl.formatMessage(messages.atRisk, { count: thresholdWarnings.length })}>
            {thresholdWarnings.slice(0, 8).map((w, i) => (
              <Text size="sm" key={i}>
                {intl.formatMessage(messages.warningLine, { who: w.who, message: w.message })}
              </Text>
            ))}
          </Alert>
        )}
        <Table.ScrollContainer minWidth={640} mt="md">
          <Table verticalSpacing={6} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{intl.formatMessage(messages.leader)}</Table.Th>
                <Table.Th scope="col">{intl.formatMessage(messages.group)}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {intl.formatMessage(messages.invited)}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {intl.formatMessage(messages.projected)}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {intl.formatMessage(messages.neededFor, { target: f2(reliability.target) })}
                </Table.Th>
                <Table.Th scope="col">{intl.formatMessage(messages.warnings)}</Table.Th>
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
                            {intl.formatMessage(
                              w.code === 'below-target'
                                ? messages.belowTarget
                                : w.code === 'exactly-threshold'
                                  ? messages.exactlyThreshold
                                  : messages.belowThreshold,
                            )}
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
          {intl.formatMessage(messages.measuredTitle)}
        </Title>
        {!reliability.scoredAt ? (
          <Text size="sm" c="dimmed" mt={4}>
            {intl.formatMessage(messages.measuredLater)}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl" mt="md">
            <div
              role="img"
              aria-label={intl.formatMessage(messages.alphaLabel, {
                list: intl.formatList(
                  reliability.alpha.map((a) => `${a.name} ${f2(a.alpha)}`),
                  { type: 'unit' },
                ),
              })}
            >
              <Text size="sm" fw={650} mb={4}>
                {intl.formatMessage(messages.alphaTitle)}
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
                  <Tooltip formatter={(v) => (typeof v === 'number' ? f2(v) : String(v))} />
                  <ReferenceLine x={0.7} stroke="#4b5563" strokeDasharray="4 4" />
                  <Bar dataKey="alpha" fill="#2d549e" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <div>
              <Text size="sm" fw={650} mb={4}>
                {intl.formatMessage(messages.agreementTitle)}
              </Text>
              <Table verticalSpacing={6} striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{intl.formatMessage(messages.group)}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {intl.formatMessage(messages.icc1)}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {intl.formatMessage(messages.icck)}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {intl.formatMessage(messages.leaders)}
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
                {intl.formatMessage(messages.norms, {
                  available: reliability.norms.filter((n) => n.available).length,
                  total: reliability.norms.length,
                })}
              </Text>
            </div>
          </SimpleGrid>
        )}
      </Card>
    </Stack>
  );
}
