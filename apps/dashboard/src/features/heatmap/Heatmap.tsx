import { score, type FitBandKey } from '../../app/format';
import { Box, Card, Group, MultiSelect, Select, Switch, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { bandLabel } from '@leaderscope/messages/src/report';
import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { fitBand, signed } from '../../app/theme';
import { EmptyState } from '../../app/ui';
import { VirtualTable } from '../../app/VirtualTable';
import type { HeatmapFieldsFragment } from '../../gql/graphql';
import { messages as m } from './messages';

const noop = () => undefined;
const LEGEND = [-1, -0.5, 0, 0.5, 1].map((v) => fitBand(v));
/** The bands the "below target only" filter keeps. */
const BELOW = new Set<FitBandKey>(['below', 'wellBelow']);

/** The search, department and sort the server applies when the heatmap is paged there. */
export interface HeatmapServerQuery {
  search: string;
  department: string | null;
  sort: 'name' | 'fit';
}

/** Subjects × dimensions coloured by fit to target, with filters. Colour always comes with a number or words. */
export function Heatmap({
  heatmap,
  reportLink,
  title,
  server,
  paging,
}: {
  heatmap: HeatmapFieldsFragment;
  reportLink: (subjectId: string) => string;
  title?: string;
  /** When given, search, department and sort are applied by the server (the rows are one or more pages). */
  server?: { query: HeatmapServerQuery; onChange: (query: HeatmapServerQuery) => void; busy?: boolean };
  /** When the rows are pages of the server's: how many it has, and the next page as the user scrolls. */
  paging?: { totalCount: number; hasNextPage: boolean; loadingMore: boolean; onLoadMore: () => void };
}) {
  const intl = useIntl();
  const [local, setLocal] = useState<HeatmapServerQuery>({ search: '', department: null, sort: 'name' });
  const [dimensions, setDimensions] = useState<string[]>([]);
  const [belowOnly, setBelowOnly] = useState(false);
  const { search, department, sort } = server?.query ?? local;
  const change = (patch: Partial<HeatmapServerQuery>) =>
    server ? server.onChange({ ...server.query, ...patch }) : setLocal({ ...local, ...patch });
  const setSearch = (value: string) => change({ search: value });
  const setDepartment = (value: string | null) => change({ department: value });
  const setSort = (value: string) => change({ sort: value === 'fit' ? 'fit' : 'name' });

  const loadedDepartments = useMemo(() => heatmap.rows.map((r) => r.subject.department).filter(Boolean) as string[], [heatmap.rows]);
  const [knownDepartments, setKnownDepartments] = useState<string[]>([]);
  // Departments seen on any page stay selectable while a server-side filter narrows the rows.
  const departments = useMemo(
    () => [...new Set([...knownDepartments, ...loadedDepartments])].sort(),
    [knownDepartments, loadedDepartments],
  );
  if (departments.length !== knownDepartments.length) setKnownDepartments(departments);
  const columns = dimensions.length ? heatmap.dimensions.filter((d) => dimensions.includes(d.id)) : heatmap.dimensions;
  const rows = heatmap.rows
    .filter((r) => server || !department || r.subject.department === department)
    .filter((r) => server || !search || r.subject.name.toLowerCase().includes(search.toLowerCase()))
    // "Below target" as the cell shows it: the band of the rounded figure (−0.249 shows −0.25, below).
    .filter(
      (r) =>
        !belowOnly || r.cells.some((c) => !c.suppressed && columns.some((d) => d.id === c.dimensionId) && BELOW.has(fitBand(c.fit).key)),
    )
    .sort((a, b) =>
      server ? 0 : sort === 'fit' ? (a.overallFit ?? 99) - (b.overallFit ?? 99) : a.subject.name.localeCompare(b.subject.name),
    );

  return (
    <Card padding={0} aria-label={title ?? intl.formatMessage(m.title)} component="section">
      <Box p="md">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <div>
            <Text fw={650}>{title ?? intl.formatMessage(m.title)}</Text>
            <Text size="xs" c="dimmed">
              {intl.formatMessage(m.intro)}
            </Text>
          </div>
          <Group gap="xs" className="heatmap-legend" aria-label={intl.formatMessage(m.legend)}>
            {LEGEND.map((b) => (
              <Group key={b.key} gap={4} wrap="nowrap">
                <span className="legend-swatch" style={{ background: b.color }} aria-hidden />
                <Text size="xs">{bandLabel(intl, b.key)}</Text>
              </Group>
            ))}
          </Group>
        </Group>
        <Group gap="sm" mt="md" wrap="wrap" align="flex-end">
          <TextInput
            aria-label={intl.formatMessage(m.search)}
            placeholder={intl.formatMessage(m.search)}
            leftSection={<IconSearch size={15} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={200}
            size="xs"
          />
          <Select
            aria-label={intl.formatMessage(m.department)}
            placeholder={intl.formatMessage(m.allDepartments)}
            data={departments}
            value={department}
            onChange={setDepartment}
            clearable
            w={180}
            size="xs"
          />
          <MultiSelect
            aria-label={intl.formatMessage(m.dimensions)}
            placeholder={dimensions.length ? undefined : intl.formatMessage(m.allDimensions)}
            data={heatmap.dimensions.map((d) => ({ value: d.id, label: d.name }))}
            value={dimensions}
            onChange={setDimensions}
            clearable
            w={260}
            size="xs"
          />
          <Select
            aria-label={intl.formatMessage(m.sort)}
            data={[
              { value: 'name', label: intl.formatMessage(m.sortName) },
              { value: 'fit', label: intl.formatMessage(m.sortFit) },
            ]}
            value={sort}
            onChange={(v) => setSort(v ?? 'name')}
            allowDeselect={false}
            w={220}
            size="xs"
          />
          <Switch
            label={intl.formatMessage(m.belowOnly)}
            checked={belowOnly}
            onChange={(e) => setBelowOnly(e.currentTarget.checked)}
            size="sm"
          />
        </Group>
      </Box>
      {heatmap.rows.length === 0 && !(server && (search || department)) ? (
        <EmptyState title={intl.formatMessage(m.emptyTitle)}>{intl.formatMessage(m.empty)}</EmptyState>
      ) : (
        <VirtualTable
          label={title ?? intl.formatMessage(m.title)}
          rowCount={rows.length}
          // Rows hidden here (below target only) are not the server's: then only what is loaded counts.
          totalCount={paging && !belowOnly ? paging.totalCount : rows.length}
          hasNextPage={paging?.hasNextPage ?? false}
          loadingMore={paging?.loadingMore ?? false}
          onLoadMore={paging?.onLoadMore ?? noop}
          estimateRowHeight={52}
          measureRows
          columnCount={columns.length + 2}
          minWidth={Math.max(640, 220 + columns.length * 64)}
          tableProps={{ className: 'heatmap', withRowBorders: false, verticalSpacing: 0, horizontalSpacing: 0 }}
          header={
            <Table.Tr aria-rowindex={1}>
              <Table.Th className="heatmap-corner">{intl.formatMessage(m.leader)}</Table.Th>
              <Table.Th className="heatmap-col">
                <span>{intl.formatMessage(m.overall)}</span>
              </Table.Th>
              {columns.map((d) => (
                <Table.Th key={d.id} className="heatmap-col" scope="col">
                  <span title={d.name}>{d.name}</span>
                </Table.Th>
              ))}
            </Table.Tr>
          }
          renderRow={(index, rowProps) => {
            const r = rows[index];
            return (
              <Table.Tr key={r.subject.id} {...rowProps}>
                <Table.Th scope="row" className="heatmap-name">
                  <Link to={reportLink(r.subject.id)}>{r.subject.name}</Link>
                  <Text size="xs" c="dimmed" fw={400}>
                    {intl.formatMessage(m.rowDetail, { department: r.subject.department ?? '', count: r.responseCount })}
                  </Text>
                </Table.Th>
                <Cell fit={r.overallFit} label={intl.formatMessage(m.overallLabel, { name: r.subject.name })} strong />
                {columns.map((d) => {
                  const c = r.cells.find((x) => x.dimensionId === d.id);
                  return (
                    <Cell
                      key={d.id}
                      fit={c?.suppressed ? null : (c?.fit ?? null)}
                      suppressed={c?.suppressed}
                      label={intl.formatMessage(m.cellLabel, { name: r.subject.name, dimension: d.name })}
                      mean={c?.mean}
                    />
                  );
                })}
              </Table.Tr>
            );
          }}
        />
      )}
      {(heatmap.rows.length > 0 || (server && (search || department))) && rows.length === 0 && (
        <Text size="sm" c="dimmed" p="md">
          {intl.formatMessage(m.noMatch)}
        </Text>
      )}
    </Card>
  );
}

function Cell({
  fit,
  label,
  suppressed,
  mean,
  strong,
}: {
  fit: number | null | undefined;
  label: string;
  suppressed?: boolean;
  mean?: number | null;
  strong?: boolean;
}) {
  const intl = useIntl();
  const band = fitBand(fit);
  const words = suppressed
    ? intl.formatMessage(m.cellTooFew)
    : fit == null
      ? intl.formatMessage(m.cellNoData)
      : intl.formatMessage(m.cellWords, {
          band: bandLabel(intl, band.key).toLowerCase(),
          fit: signed(fit),
          mean: mean != null ? score(mean) : 'none',
        });
  const aria = intl.formatMessage(m.cellAria, { label, words });
  return (
    <Table.Td
      className={`heatmap-cell${suppressed ? ' is-suppressed' : ''}`}
      style={{ background: suppressed ? undefined : band.color, color: band.text }}
    >
      <Tooltip label={aria} withArrow openDelay={100}>
        <span className="heatmap-value" aria-label={aria} style={{ fontWeight: strong ? 700 : 500 }}>
          {suppressed ? '·' : fit == null ? '–' : signed(fit)}
        </span>
      </Tooltip>
    </Table.Td>
  );
}
