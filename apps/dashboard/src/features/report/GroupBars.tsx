import { Box, Group, Text, Tooltip } from '@mantine/core';
import { shownDifference } from '../../app/format';
import { byGroupOrder, fitBand, groupLabel, signed } from '../../app/theme';
import { fmt, SERIES, type DimensionScore, type GroupScore } from './types';

const MIN = 1;
const MAX = 5;
const pct = (v: number) => ((Math.min(MAX, Math.max(MIN, v)) - MIN) / (MAX - MIN)) * 100;

interface Row {
  key: string;
  label: string;
  score: Pick<GroupScore, 'n' | 'mean' | 'ciLow' | 'ciHigh' | 'suppressed'>;
  color: string;
  pooled?: boolean;
}

/**
 * One dimension: a bar per rater group with its 95% interval, the pooled "others" figure and the
 * target. A suppressed group shows only "fewer than N responses" — never a number.
 */
export function GroupBars({ dimension, threshold }: { dimension: DimensionScore; threshold: number }) {
  // The fit as shown: the shown others' mean minus the shown target.
  const fit = dimension.fit == null ? null : shownDifference(dimension.others.mean, dimension.target);
  const band = fitBand(fit);
  const rows: Row[] = [
    {
      key: 'others',
      label: 'Others (combined)',
      score: dimension.others,
      color: band.key === 'near' ? '#6b6558' : band.color,
      pooled: true,
    },
    ...[...dimension.groups]
      .sort((a, b) => byGroupOrder(a.group, b.group))
      .map((g) => ({
        key: g.group ?? 'group',
        label: groupLabel(g.group) || String(g.group),
        score: g,
        color: g.group === 'self' ? SERIES.self.color : SERIES.others.color,
      })),
  ];
  const target = dimension.target;
  return (
    <Box className="group-bars" role="group" aria-label={`${dimension.name}: scores by rater group`}>
      <Group justify="space-between" align="baseline" mb={8} gap="xs" wrap="nowrap">
        <Text fw={650} size="sm">
          {dimension.name}
        </Text>
        <Text size="xs" c="dimmed" ta="right">
          Target {fmt(target)} ·{' '}
          <span className="fit-chip" style={{ background: band.color, color: band.text }}>
            {fit == null ? band.label : `${band.label} (${signed(fit)})`}
          </span>
        </Text>
      </Group>
      <div className="group-bars-axis" aria-hidden>
        <span />
        <div className="axis-ticks">
          {[1, 2, 3, 4, 5].map((t) => (
            <span key={t} style={{ left: `${pct(t)}%` }}>
              {t}
            </span>
          ))}
        </div>
        <span />
      </div>
      {rows.map((row) => (
        <BarRow key={row.key} row={row} target={target} threshold={threshold} />
      ))}
    </Box>
  );
}

function BarRow({ row, target, threshold }: { row: Row; target: number | null | undefined; threshold: number }) {
  const { score } = row;
  const suppressed = score.suppressed || score.mean == null;
  const ci = score.ciLow != null && score.ciHigh != null ? { low: score.ciLow, high: score.ciHigh } : null;
  const description = suppressed
    ? `${row.label}: fewer than ${threshold} responses, not shown`
    : `${row.label}: mean ${fmt(score.mean, 2)}${ci ? `, 95% interval ${fmt(ci.low, 2)} to ${fmt(ci.high, 2)}` : ''}, ${score.n} ${score.n === 1 ? 'response' : 'responses'}`;
  return (
    <div className={`bar-row${row.pooled ? ' is-pooled' : ''}${suppressed ? ' is-suppressed' : ''}`} data-group={row.key}>
      <Text size="xs" className="bar-label" fw={row.pooled ? 650 : 500}>
        {row.label}
        {!suppressed && (
          <Text span c="dimmed" size="xs">
            {' '}
            n={score.n}
          </Text>
        )}
      </Text>
      {suppressed ? (
        <div className="bar-track suppressed" role="img" aria-label={description}>
          <span className="suppressed-text">fewer than {threshold} responses</span>
        </div>
      ) : (
        <Tooltip label={description} withArrow openDelay={150}>
          <div className="bar-track" role="img" aria-label={description} tabIndex={0}>
            <svg viewBox="0 0 100 20" preserveAspectRatio="none" className="bar-svg" aria-hidden focusable="false">
              <rect
                className="bar"
                x={0}
                y={5}
                width={pct(score.mean!)}
                height={10}
                rx={1.5}
                fill={row.color}
                opacity={row.pooled ? 0.95 : 0.8}
              />
              {ci && (
                <g className="ci-whisker" data-low={ci.low} data-high={ci.high}>
                  <line
                    x1={pct(ci.low)}
                    x2={pct(ci.high)}
                    y1={10}
                    y2={10}
                    stroke="#111827"
                    strokeWidth={1.4}
                    vectorEffect="non-scaling-stroke"
                  />
                  <line
                    x1={pct(ci.low)}
                    x2={pct(ci.low)}
                    y1={5}
                    y2={15}
                    stroke="#111827"
                    strokeWidth={1.4}
                    vectorEffect="non-scaling-stroke"
                  />
                  <line
                    x1={pct(ci.high)}
                    x2={pct(ci.high)}
                    y1={5}
                    y2={15}
                    stroke="#111827"
                    strokeWidth={1.4}
                    vectorEffect="non-scaling-stroke"
                  />
                </g>
              )}
              {target != null && (
                <line
                  className="target-line"
                  x1={pct(target)}
                  x2={pct(target)}
                  y1={0}
                  y2={20}
                  stroke="#111827"
                  strokeDasharray="2 2"
                  strokeWidth={1.2}
                  vectorEffect="non-scaling-stroke"
                />
              )}
            </svg>
          </div>
        </Tooltip>
      )}
      <Text size="xs" className="bar-value" fw={600} ta="right">
        {suppressed ? '' : fmt(score.mean)}
      </Text>
    </div>
  );
}
