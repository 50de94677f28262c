import { Alert, Badge, Box, Card, Group, SimpleGrid, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { score } from '../../app/format';
import { useGroupLabel } from '../../app/i18n';
import { ErrorState, Loading } from '../../app/ui';
import { useNextPage } from '../../app/useNextPage';
import { VirtualTable, type VirtualRowProps } from '../../app/VirtualTable';
import type { CycleReliabilityProjectionQuery, CycleReliabilityQuery } from '../../gql/graphql';
import { messages } from './messages';
import { CYCLE_RELIABILITY, CYCLE_RELIABILITY_PROJECTION } from './operations';

type Reliability = CycleReliabilityQuery['cycleReliability'];
type ProjectionRow = CycleReliabilityProjectionQuery['cycleReliabilityProjection']['nodes'][number];
/** Reliabilities and ICCs (an ICC(1) can be below zero) as every figure is written: "0.70", "−0.05", "—". */
const f2 = (x: number | null | undefined) => score(x);
/** Leaders per page of the projection (10,000 in a large cycle: the table is paged and virtualised). */
const PROJECTION_PAGE = 100;

/** What the projection table shows and how it asks for more. */
export interface ProjectionList {
  rows: ProjectionRow[];
  totalCount: number;
  hasNextPage: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  atRiskOnly: boolean;
  onAtRiskOnly: (only: boolean) => void;
}

/** HR: how far the figures can be trusted — projected from who is invited, measured once the cycle is scored. */
export function ReliabilityPanel({ cycleId }: { cycleId: string }) {
  const intl = useIntl();
  const { data, loading, error, refetch } = useQuery(CYCLE_RELIABILITY, { variables: { cycleId }, fetchPolicy: 'cache-and-network' });
  const [atRiskOnly, setAtRiskOnly] = useState(false);
  const variables = { cycleId, first: PROJECTION_PAGE, filter: { atRiskOnly: atRiskOnly || undefined } };
  const projection = useQuery(CYCLE_RELIABILITY_PROJECTION, { variables, fetchPolicy: 'cache-and-network' });
  const next = useNextPage(
    (options) => projection.fetchMore(options),
    projection.data?.cycleReliabilityProjection.pageInfo,
    JSON.stringify(variables),
  );
  const page = (projection.data ?? projection.previousData)?.cycleReliabilityProjection;
  if (error) return <ErrorState error={error} what={intl.formatMessage(messages.loadFailed)} onRetry={() => void refetch()} />;
  if (loading && !data) return <Loading label={intl.formatMessage(messages.loading)} />;
  return (
    <ReliabilityView
      reliability={data!.cycleReliability}
      projection={
        page && {
          rows: page.nodes,
          totalCount: page.totalCount,
          hasNextPage: next.hasNextPage,
          loadingMore: next.loadingMore,
          onLoadMore: next.loadMore,
          atRiskOnly,
          onAtRiskOnly: setAtRiskOnly,
        }
      }
    >
      {projection.error && (
        <ErrorState error={projection.error} what={intl.formatMessage(messages.loadFailed)} onRetry={() => void projection.refetch()} />
      )}
      {next.error != null && <ErrorState error={next.error} what={intl.formatMessage(messages.loadFailed)} onRetry={next.retry} />}
    </ReliabilityView>
  );
}

export function ReliabilityView({
  reliability,
  projection,
  children,
}: {
  reliability: Reliability;
  /** The projection's loaded rows (undefined while the first page loads). */
  projection: ProjectionList | undefined;
  /** Shown under the projection (its loading errors). */
  children?: ReactNode;
}) {
  const intl = useIntl();
  const label = useGroupLabel();
  // The warnings of the loaded leaders at risk (with "only at risk" on, the first of them all).
  const warnings = (projection?.rows ?? []).flatMap((p) =>
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
        {reliability.atRiskSubjects > 0 && (
          <Alert color="orange" mt="md" title={intl.formatMessage(messages.atRisk, { count: reliability.atRiskSubjects })}>
            {thresholdWarnings.slice(0, 8).map((w, i) => (
              <Text size="sm" key={i}>
                {intl.formatMessage(messages.warningLine, { who: w.who, message: w.message })}
              </Text>
            ))}
          </Alert>
        )}
        {projection && (
          <>
            <Switch
              mt="md"
              size="sm"
              label={intl.formatMessage(messages.atRiskOnly)}
              checked={projection.atRiskOnly}
              onChange={(e) => projection.onAtRiskOnly(e.currentTarget.checked)}
            />
            {projection.rows.length === 0 && projection.atRiskOnly ? (
              <Text size="sm" c="dimmed" mt="md">
                {intl.formatMessage(messages.noneAtRisk)}
              </Text>
            ) : (
              <Box mt="md">
                <VirtualTable
                  label={intl.formatMessage(messages.tableLabel)}
                  rowCount={projection.rows.length}
                  totalCount={projection.totalCount}
                  hasNextPage={projection.hasNextPage}
                  loadingMore={projection.loadingMore}
                  onLoadMore={projection.onLoadMore}
                  estimateRowHeight={96}
                  measureRows
                  columnCount={6}
                  minWidth={640}
                  tableProps={{ verticalSpacing: 6, striped: true }}
                  header={
                    <Table.Tr aria-rowindex={1}>
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
                  }
                  renderRow={(index, rowProps) => (
                    <ProjectionTableRow key={projection.rows[index].subject.id} row={projection.rows[index]} rowProps={rowProps} />
                  )}
                />
              </Box>
            )}
          </>
        )}
        {children}
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

/** One leader's row: each cell lists the leader's groups in the same order, one line each. */
function ProjectionTableRow({ row, rowProps }: { row: ProjectionRow; rowProps: VirtualRowProps }) {
  const intl = useIntl();
  const label = useGroupLabel();
  const lines = (cell: (g: ProjectionRow['groups'][number]) => ReactNode, align?: 'right') => (
    <Table.Td ta={align}>
      <Stack gap={2}>
        {row.groups.map((g) => (
          <Box key={g.group} mih={22}>
            {cell(g)}
          </Box>
        ))}
      </Stack>
    </Table.Td>
  );
  const warning = (code: string) =>
    code === 'below-target' ? messages.belowTarget : code === 'exactly-threshold' ? messages.exactlyThreshold : messages.belowThreshold;
  return (
    <Table.Tr {...rowProps}>
      <Table.Td>{row.subject.name}</Table.Td>
      {lines((g) => label(g.group))}
      {lines((g) => g.invited, 'right')}
      {lines(
        (g) => (
          <span title={g.sourceNote}>{f2(g.projected)}</span>
        ),
        'right',
      )}
      {lines((g) => g.ratersForTarget ?? '—', 'right')}
      {lines((g) => (
        <Group gap={4}>
          {g.warnings.map((w) => (
            <Badge key={w.code} variant="light" color={w.code === 'below-target' ? 'yellow' : 'orange'} title={w.message}>
              {intl.formatMessage(warning(w.code))}
            </Badge>
          ))}
        </Group>
      ))}
    </Table.Tr>
  );
}
