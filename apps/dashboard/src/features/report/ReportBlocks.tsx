import { Badge, Box, Card, Group, List, Progress, SimpleGrid, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { FIT_COLOURS, type Block, type ReportDocument, type Section } from '@leaderscope/messages/src/report';
import {
  IconAlertTriangle,
  IconArrowDownRight,
  IconArrowUpRight,
  IconCircleCheck,
  IconEye,
  IconEyeOff,
  IconMinus,
  IconQuestionMark,
  IconQuote,
} from '@tabler/icons-react';
import { useIntl } from 'react-intl';
import { Bar, BarChart, CartesianGrid, ErrorBar, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { score } from '../../app/format';
import { GroupBars } from './GroupBars';
import { blockMessages } from './messages';
import { ReportRadarChart } from './RadarChart';
import { SERIES } from './types';

/**
 * The screen's drawing of the report description (`describeReport`, packages/messages): one
 * component per block kind. Every word and figure comes from the description, which the PDF draws
 * too; these components only lay it out.
 */

export function ReadingGuide({ guide }: { guide: ReportDocument['guide'] }) {
  return (
    <Card component="section" aria-labelledby="sec-guide" className="reading-guide">
      <details open>
        <summary>
          <Title order={2} fz="lg" id="sec-guide" component="span">
            {guide.title}
          </Title>
        </summary>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mt="sm">
          {guide.parts.map((part) => (
            <Box key={part.heading}>
              <Text fw={650} size="sm">
                {part.heading}
              </Text>
              <Text size="sm">{part.text}</Text>
            </Box>
          ))}
        </SimpleGrid>
      </details>
    </Card>
  );
}

export function StatCards({ stats }: { stats: ReportDocument['stats'] }) {
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
      {stats.map((s) => (
        <Card padding="md" key={s.label} data-stat={s.label}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.4}>
            {s.label}
          </Text>
          <Text fz={28} fw={700} mt={4} className="stat-value">
            {s.value}
          </Text>
          {s.band && s.bandLabel ? (
            <span className="fit-chip" style={{ background: FIT_COLOURS[s.band].color, color: FIT_COLOURS[s.band].text }}>
              {s.bandLabel}
            </span>
          ) : (
            <Text size="xs" c="dimmed">
              {s.hint}
            </Text>
          )}
        </Card>
      ))}
    </SimpleGrid>
  );
}

export function ReportSection({ section, helpLabel }: { section: Section; helpLabel: string }) {
  const id = section.id;
  const blocks = section.blocks.map((b, i) => <BlockView key={i} block={b} />);
  return (
    <Card component="section" aria-labelledby={id} data-section={id}>
      <Title order={2} fz="lg" id={id}>
        {section.title}
      </Title>
      {section.description && (
        <Text size="sm" c="dimmed" mt={2}>
          {section.description}
        </Text>
      )}
      {section.help && (
        <details className="section-help">
          <summary>
            {helpLabel}
            <span className="visually-hidden"> — {section.title}</span>
          </summary>
          <div className="section-help-body">{section.help}</div>
        </details>
      )}
      <Box mt="md">
        {section.columns === 2 && blocks.length > 1 ? (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
            {blocks}
          </SimpleGrid>
        ) : (
          <Stack gap="lg">{blocks}</Stack>
        )}
      </Box>
    </Card>
  );
}

export function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case 'radar':
      return <ReportRadarChart block={block} />;
    case 'ranked':
      return <Ranked block={block} />;
    case 'findings':
      return <Findings block={block} />;
    case 'risks':
      return <Risks block={block} />;
    case 'groupBars':
      return (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" verticalSpacing="xl">
          {block.dimensions.map((d) => (
            <GroupBars key={d.id} dimension={d} />
          ))}
        </SimpleGrid>
      );
    case 'subheading':
      return (
        <Text size="sm" fw={650} mb={-12}>
          {block.text}
        </Text>
      );
    case 'bullets':
      return (
        <List size="sm" spacing={4}>
          {block.items.map((item) => (
            <List.Item key={item.id}>
              <b>{item.strong}</b> — {item.text}
            </List.Item>
          ))}
        </List>
      );
    case 'itemBars':
      return <ItemBars block={block} />;
    case 'text':
      return (
        <Text size="sm" c={block.muted ? 'dimmed' : undefined}>
          {block.text}
        </Text>
      );
    case 'table':
      return <DataTable block={block} />;
    case 'readiness':
      return <Readiness block={block} />;
    case 'comments':
      return <Comments block={block} />;
  }
}

function Empty({ children }: { children: string }) {
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

function Ranked({ block }: { block: Extract<Block, { kind: 'ranked' }> }) {
  return (
    <Box>
      <Title order={3} fz="md" mb="xs">
        {block.title}
      </Title>
      {block.items.length === 0 ? (
        <Empty>{block.empty}</Empty>
      ) : (
        <Stack gap={8}>
          {block.items.map((d) => (
            <Group key={d.id} gap="sm" wrap="nowrap" className="ranked-row">
              <ThemeIcon radius="xl" size={26} variant="light" color={block.tone === 'positive' ? 'blue' : 'orange'} aria-hidden>
                <Text fz={12} fw={700}>
                  {d.rank}
                </Text>
              </ThemeIcon>
              <Box style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {d.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {d.detail}
                </Text>
              </Box>
              <span className="fit-chip" style={{ background: FIT_COLOURS[d.band].color, color: FIT_COLOURS[d.band].text }}>
                {d.chip}
              </span>
            </Group>
          ))}
        </Stack>
      )}
    </Box>
  );
}

function Findings({ block }: { block: Extract<Block, { kind: 'findings' }> }) {
  const Icon = block.tone === 'blind' ? IconEyeOff : IconEye;
  return (
    <Box>
      <Group gap={8} mb={4}>
        <Icon size={18} aria-hidden color={block.tone === 'blind' ? '#b2182b' : '#2166ac'} />
        <Title order={3} fz="md">
          {block.title}
        </Title>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {block.note}
      </Text>
      {block.items.length === 0 ? (
        <Empty>{block.empty}</Empty>
      ) : (
        <Stack gap={6}>
          {block.items.map((g) => (
            <Box key={g.id} className="soft-row">
              <Text size="sm" fw={600}>
                {g.name}
              </Text>
              <Text size="xs" c="dimmed">
                {g.detail}
              </Text>
            </Box>
          ))}
        </Stack>
      )}
    </Box>
  );
}

const RISK_LOOK = {
  flagged: { color: 'red', icon: IconAlertTriangle },
  clear: { color: 'teal', icon: IconCircleCheck },
  insufficient: { color: 'gray', icon: IconQuestionMark },
};

function Risks({ block }: { block: Extract<Block, { kind: 'risks' }> }) {
  if (block.items.length === 0) return <Empty>{block.empty}</Empty>;
  return (
    <Stack gap="sm">
      {block.items.map((risk) => {
        const look = RISK_LOOK[risk.status];
        const Icon = look.icon;
        return (
          <Group
            key={risk.id}
            align="flex-start"
            wrap="nowrap"
            gap="sm"
            className={`risk-row risk-${risk.status}`}
            data-risk-id={risk.id}
            data-risk-status={risk.status}
          >
            <ThemeIcon color={look.color} variant="light" radius="xl" size={30} aria-hidden>
              <Icon size={17} />
            </ThemeIcon>
            <Box style={{ flex: 1 }}>
              <Group gap="xs">
                <Text fw={650} size="sm">
                  {risk.name}
                </Text>
                <Badge color={look.color} variant="light" size="sm">
                  {risk.statusLabel}
                </Badge>
              </Group>
              <Text size="sm" mt={2}>
                {risk.description}
              </Text>
              <Text size="xs" c="dimmed" mt={2}>
                {risk.detail}
              </Text>
            </Box>
          </Group>
        );
      })}
    </Stack>
  );
}

/** Bars of the items' others averages with their 95% intervals. */
function ItemBars({ block }: { block: Extract<Block, { kind: 'itemBars' }> }) {
  const intl = useIntl();
  const scale = block.scale ?? { min: 1, max: 5 };
  const ticks = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  const data = block.items.map((i) => ({
    name: i.label.length > 48 ? `${i.label.slice(0, 46)}…` : i.label,
    mean: i.mean,
    error: i.ciLow != null && i.ciHigh != null ? [i.mean - i.ciLow, i.ciHigh - i.mean] : [0, 0],
  }));
  return (
    <Box>
      <Title order={3} fz="md" mb="xs">
        {block.title}
      </Title>
      {block.items.length === 0 ? (
        <Empty>{block.empty}</Empty>
      ) : (
        <Box
          role="img"
          aria-label={intl.formatMessage(blockMessages.itemBarsLabel, {
            title: block.title,
            items: intl.formatList(
              block.items.map((i) => intl.formatMessage(blockMessages.itemBarsValue, { label: i.label, value: i.valueText })),
              { type: 'unit' },
            ),
          })}
          data-item-bars
        >
          <ResponsiveContainer width="100%" height={Math.max(120, 44 * block.items.length)}>
            <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24 }}>
              <CartesianGrid horizontal={false} strokeDasharray="3 3" />
              <XAxis type="number" domain={[scale.min, scale.max]} ticks={ticks} tickFormatter={(v: number) => score(v, 0)} />
              <YAxis type="category" dataKey="name" width={220} tick={{ fontSize: 12 }} />
              <Tooltip formatter={(_v, _n, item) => block.items[data.indexOf(item.payload as (typeof data)[number])]?.valueText ?? ''} />
              <Bar dataKey="mean" name={block.title} fill={SERIES.others.color} isAnimationActive={false}>
                <ErrorBar dataKey="error" width={6} stroke="#111827" direction="x" />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </Box>
      )}
    </Box>
  );
}

const BADGE_COLOUR = { positive: 'teal', negative: 'red', neutral: 'gray' };
const TREND_LOOK = {
  up: { icon: IconArrowUpRight, color: '#2166ac' },
  down: { icon: IconArrowDownRight, color: '#b2182b' },
  flat: { icon: IconMinus, color: '#6b7280' },
};

function DataTable({ block }: { block: Extract<Block, { kind: 'table' }> }) {
  return (
    <Table.ScrollContainer minWidth={block.minWidth}>
      <Table verticalSpacing={6} striped aria-label={block.caption}>
        <Table.Thead>
          <Table.Tr>
            {block.columns.map((c) => (
              <Table.Th scope="col" key={c.label} ta={c.align}>
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {block.rows.map((row) => (
            <Table.Tr key={row.id}>
              {row.cells.map((cell, i) => {
                const column = block.columns[i];
                let content: React.ReactNode = cell.text;
                if (cell.badge)
                  content = (
                    <Badge variant="light" color={BADGE_COLOUR[cell.badge]}>
                      {cell.text}
                    </Badge>
                  );
                else if (cell.trend) {
                  const look = TREND_LOOK[cell.trend];
                  content = (
                    <span style={{ color: look.color, whiteSpace: 'nowrap' }}>
                      <look.icon size={14} aria-hidden style={{ verticalAlign: -2 }} /> {cell.text}
                    </span>
                  );
                } else if (cell.muted)
                  content = (
                    <Text span c="dimmed" size="sm" title={cell.title}>
                      {cell.text}
                    </Text>
                  );
                // A second, smaller line: "2.46–4.21 · n=3" under a group's mean, or why it is not shown.
                if (cell.detail)
                  content = (
                    <>
                      {content}
                      <Text c="dimmed" fz="xs" className="cell-detail" style={{ whiteSpace: cell.muted ? undefined : 'nowrap' }}>
                        {cell.detail}
                      </Text>
                    </>
                  );
                const title = cell.muted ? undefined : cell.title;
                return column?.rowHeader ? (
                  <Table.Th scope="row" fw={500} key={i} ta={column.align} title={title}>
                    {content}
                  </Table.Th>
                ) : (
                  <Table.Td key={i} ta={column?.align} title={title}>
                    {content}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const READINESS_COLOUR = { ready: 'teal', developing: 'yellow', notYet: 'orange', insufficient: 'gray' };

function Readiness({ block }: { block: Extract<Block, { kind: 'readiness' }> }) {
  if (block.items.length === 0) return <Empty>{block.empty}</Empty>;
  return (
    <SimpleGrid cols={{ base: 1, sm: Math.min(3, block.items.length) }} spacing="md">
      {block.items.map((r) => (
        <Box key={r.id} className="soft-row">
          <Group justify="space-between" wrap="nowrap">
            <Text fw={650} size="sm">
              {r.name}
            </Text>
            <Badge color={READINESS_COLOUR[r.status]} variant="light">
              {r.statusLabel}
            </Badge>
          </Group>
          <Progress value={r.share * 100} mt="sm" color={READINESS_COLOUR[r.status]} aria-label={r.ariaLabel} />
          <Text size="xs" c="dimmed" mt={6}>
            {r.detail}
          </Text>
        </Box>
      ))}
    </SimpleGrid>
  );
}

function Comments({ block }: { block: Extract<Block, { kind: 'comments' }> }) {
  if (block.groups.length === 0) return <Empty>{block.empty}</Empty>;
  return (
    <Stack gap="md">
      {block.groups.map((group) => (
        <Box key={group.id}>
          <Text size="sm" fw={650} mb={6}>
            {group.title}
          </Text>
          <Stack gap={6}>
            {group.comments.map((c, i) => (
              <Box key={i} className="comment">
                <IconQuote size={14} aria-hidden className="comment-quote" />
                <Text size="sm">{c.text}</Text>
                <Text size="xs" c="dimmed" mt={2}>
                  {c.group}
                </Text>
              </Box>
            ))}
          </Stack>
        </Box>
      ))}
    </Stack>
  );
}
