import { Badge, Box, Card, Group, List, Progress, SimpleGrid, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
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
import { score, shownDifference } from '../../app/format';
import { fitBand, groupLabel, signed } from '../../app/theme';
import { fmt, type Report } from './types';

export function StatCards({ report }: { report: Report }) {
  const o = report.overall;
  const band = fitBand(o.fit);
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
      <Stat label="Others’ average" value={fmt(o.others, 2)} hint="on the 1–5 scale" />
      <Stat
        label="Self average"
        value={fmt(o.self, 2)}
        hint={o.gap != null ? `${signed(shownDifference(o.self, o.others))} versus others` : 'no self-assessment yet'}
      />
      <Card padding="md">
        <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.4}>
          Fit to target
        </Text>
        <Group gap={8} mt={4} align="baseline">
          <Text fz={28} fw={700}>
            {signed(o.fit)}
          </Text>
        </Group>
        <span className="fit-chip" style={{ background: band.color, color: band.text }}>
          {band.label}
        </span>
      </Card>
      <Stat label="Dimensions shown" value={`${o.dimensionsIncluded} / ${o.dimensionsTotal}`} hint={`${report.responseCount} responses`} />
    </SimpleGrid>
  );
}

function Stat({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <Card padding="md">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.4}>
        {label}
      </Text>
      <Text fz={28} fw={700} mt={4}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Card>
  );
}

export function StrengthsAndDevelopment({ report }: { report: Report }) {
  const strengths = report.strengthsByFit.filter((d) => d.fit != null).slice(0, 3);
  const development = report.developmentAreasByFit.filter((d) => d.fit != null).slice(0, 3);
  return (
    <Stack gap="lg">
      <Box>
        <Title order={3} fz="md" mb="xs">
          Top strengths
        </Title>
        <RankedList items={strengths} empty="Not enough published figures yet." positive />
      </Box>
      <Box>
        <Title order={3} fz="md" mb="xs">
          Development areas
        </Title>
        <RankedList items={development} empty="Not enough published figures yet." />
      </Box>
    </Stack>
  );
}

function RankedList({ items, empty, positive }: { items: Report['strengthsByFit']; empty: string; positive?: boolean }) {
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Stack gap={8}>
      {items.map((d, i) => {
        const fit = d.fit == null ? null : shownDifference(d.others, d.target);
        const band = fitBand(fit);
        return (
          <Group key={d.dimensionId} gap="sm" wrap="nowrap" className="ranked-row">
            <ThemeIcon radius="xl" size={26} variant="light" color={positive ? 'blue' : 'orange'} aria-hidden>
              <Text fz={12} fw={700}>
                {i + 1}
              </Text>
            </ThemeIcon>
            <Box style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm" fw={600}>
                {d.name}
              </Text>
              <Text size="xs" c="dimmed">
                Others {fmt(d.others, 2)} · target {fmt(d.target)}
              </Text>
            </Box>
            <span className="fit-chip" style={{ background: band.color, color: band.text }}>
              {signed(fit)}
            </span>
          </Group>
        );
      })}
    </Stack>
  );
}

export function Perception({ report }: { report: Report }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Box>
        <Group gap={8} mb={4}>
          <IconEyeOff size={18} aria-hidden color="#b2182b" />
          <Title order={3} fz="md">
            Blind spots
          </Title>
        </Group>
        <Text size="xs" c="dimmed" mb="sm">
          You rate yourself clearly higher than others do.
        </Text>
        <GapList items={report.blindSpots} empty="None: where others’ and your views differ, the difference is not clear enough to call." />
      </Box>
      <Box>
        <Group gap={8} mb={4}>
          <IconEye size={18} aria-hidden color="#2166ac" />
          <Title order={3} fz="md">
            Hidden strengths
          </Title>
        </Group>
        <Text size="xs" c="dimmed" mb="sm">
          Others rate you clearly higher than you rate yourself.
        </Text>
        <GapList items={report.hiddenStrengths} empty="None found in this cycle." />
      </Box>
    </SimpleGrid>
  );
}

function GapList({ items, empty }: { items: Report['blindSpots']; empty: string }) {
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Stack gap={6}>
      {items.map((g) => (
        <Box key={g.dimensionId} className="soft-row">
          <Text size="sm" fw={600}>
            {g.name}
          </Text>
          <Text size="xs" c="dimmed">
            Self {fmt(g.self, 2)} · others {fmt(g.others, 2)} · gap {signed(shownDifference(g.self, g.others))} (95% interval{' '}
            {signed(g.ciLow)} to {signed(g.ciHigh)})
          </Text>
        </Box>
      ))}
    </Stack>
  );
}

const RISK_STATUS: Record<string, { label: string; color: string; icon: typeof IconAlertTriangle; words: string }> = {
  flagged: {
    label: 'Flagged',
    color: 'red',
    icon: IconAlertTriangle,
    words: 'Several signals point this way. Worth a conversation with your manager or coach.',
  },
  clear: { label: 'Clear', color: 'teal', icon: IconCircleCheck, words: 'The signals for this pattern are not present.' },
  'insufficient-data': {
    label: 'Not enough data',
    color: 'gray',
    icon: IconQuestionMark,
    words: 'Too few published figures to tell either way.',
  },
};

export function TransitionRisks({ report }: { report: Report }) {
  if (report.transitionRisks.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No transition risks are defined for this role profile.
      </Text>
    );
  return (
    <Stack gap="sm">
      {report.transitionRisks.map((risk) => {
        const s = RISK_STATUS[risk.status] ?? RISK_STATUS['insufficient-data'];
        const Icon = s.icon;
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
            <ThemeIcon color={s.color} variant="light" radius="xl" size={30} aria-hidden>
              <Icon size={17} />
            </ThemeIcon>
            <Box style={{ flex: 1 }}>
              <Group gap="xs">
                <Text fw={650} size="sm">
                  {risk.name}
                </Text>
                <Badge color={s.color} variant="light" size="sm">
                  {s.label}
                </Badge>
              </Group>
              <Text size="sm" mt={2}>
                {risk.description}
              </Text>
              <Text size="xs" c="dimmed" mt={2}>
                {s.words} {risk.signalsOn} of {risk.signalsEvaluated} signals present; it is flagged at {risk.minSignals}.
              </Text>
            </Box>
          </Group>
        );
      })}
    </Stack>
  );
}

export function Comments({ report }: { report: Report }) {
  if (report.comments.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No comments can be shown. Comments appear only from groups with enough responses to keep them anonymous.
      </Text>
    );
  const names = new Map(report.dimensions.map((d) => [d.dimensionId, d.name]));
  const byDimension = new Map<string, Report['comments']>();
  for (const c of report.comments) {
    const key = c.dimensionId ?? 'general';
    byDimension.set(key, [...(byDimension.get(key) ?? []), c]);
  }
  return (
    <Stack gap="md">
      {[...byDimension.entries()].map(([dimensionId, comments]) => (
        <Box key={dimensionId}>
          <Text size="sm" fw={650} mb={6}>
            {names.get(dimensionId) ?? 'General'}
          </Text>
          <Stack gap={6}>
            {comments.map((c, i) => (
              <Box key={i} className="comment">
                <IconQuote size={14} aria-hidden className="comment-quote" />
                <Text size="sm">{c.text}</Text>
                <Text size="xs" c="dimmed" mt={2}>
                  {groupLabel(c.group)}
                </Text>
              </Box>
            ))}
          </Stack>
        </Box>
      ))}
    </Stack>
  );
}

const READINESS: Record<string, { label: string; color: string }> = {
  ready: { label: 'Ready', color: 'teal' },
  developing: { label: 'Developing', color: 'yellow' },
  'not-yet': { label: 'Not yet', color: 'orange' },
  'insufficient-data': { label: 'Not enough data', color: 'gray' },
};

export function ReadinessCards({ report }: { report: Report }) {
  const others = report.readiness.filter((r) => r.profileId !== report.roleProfileId);
  const list = others.length ? others : report.readiness;
  if (list.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No other role profiles to compare with.
      </Text>
    );
  return (
    <SimpleGrid cols={{ base: 1, sm: Math.min(3, list.length) }} spacing="md">
      {list.map((r) => {
        const s = READINESS[r.status] ?? READINESS['insufficient-data'];
        return (
          <Box key={r.profileId} className="soft-row">
            <Group justify="space-between" wrap="nowrap">
              <Text fw={650} size="sm">
                {r.name}
              </Text>
              <Badge color={s.color} variant="light">
                {s.label}
              </Badge>
            </Group>
            <Progress
              value={(r.share ?? 0) * 100}
              mt="sm"
              color={s.color}
              aria-label={`${r.name}: ${Math.round((r.share ?? 0) * 100)}% of dimensions at or near target`}
            />
            <Text size="xs" c="dimmed" mt={6}>
              {r.meets} of {r.assessed} assessed dimensions at or near the target
              {r.meanFit != null ? ` · average fit ${signed(r.meanFit)}` : ''}
            </Text>
          </Box>
        );
      })}
    </SimpleGrid>
  );
}

export function LowAgreement({ report }: { report: Report }) {
  if (report.lowAgreement.length === 0) return null;
  return (
    <List size="sm" spacing={4}>
      {report.lowAgreement.map((f) => (
        <List.Item key={`${f.dimensionId}:${f.scope}`}>
          <b>{f.name}</b> — {f.scope === 'others' ? 'raters overall' : groupLabel(f.scope).toLowerCase()} disagree (agreement {score(f.rwg)}
          ); read this mean with care.
        </List.Item>
      ))}
    </List>
  );
}

/** The change since the subject's previous released cycle, per dimension (others' mean). */
export function ChangeSincePrevious({ report, previous, previousName }: { report: Report; previous: Report; previousName: string }) {
  const before = new Map(previous.dimensions.map((d) => [d.dimensionId, d]));
  const rows = report.dimensions.map((d) => {
    const p = before.get(d.dimensionId);
    const now = d.others.suppressed ? null : d.others.mean;
    const then = p && !p.others.suppressed ? p.others.mean : null;
    return { id: d.dimensionId, name: d.name, now, then, change: shownDifference(now, then) };
  });
  return (
    <Box>
      <Text size="sm" c="dimmed" mb="sm">
        Compared with {previousName}. Others’ average per dimension; changes smaller than 0.2 are within normal variation.
      </Text>
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing={6} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Dimension</Table.Th>
              <Table.Th scope="col" ta="right">
                Before
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Now
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Change
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const Icon = r.change == null || Math.abs(r.change) < 0.2 ? IconMinus : r.change > 0 ? IconArrowUpRight : IconArrowDownRight;
              const color = r.change == null || Math.abs(r.change) < 0.2 ? '#6b7280' : r.change > 0 ? '#2166ac' : '#b2182b';
              return (
                <Table.Tr key={r.id}>
                  <Table.Th scope="row" fw={500}>
                    {r.name}
                  </Table.Th>
                  <Table.Td ta="right">{fmt(r.then, 2)}</Table.Td>
                  <Table.Td ta="right">{fmt(r.now, 2)}</Table.Td>
                  <Table.Td ta="right" style={{ color, whiteSpace: 'nowrap' }}>
                    <Icon size={14} aria-hidden style={{ verticalAlign: -2 }} /> {signed(r.change)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Box>
  );
}
