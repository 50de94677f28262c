import { Box, Group, Text, Tooltip } from '@mantine/core';
import { FIT_COLOURS, type Block, type GroupBarRow } from '@leaderscope/messages/src/report';
import { SERIES } from './types';

const MIN = 1;
const MAX = 5;
const pct = (v: number) => ((Math.min(MAX, Math.max(MIN, v)) - MIN) / (MAX - MIN)) * 100;

export type GroupBarsDimension = Extract<Block, { kind: 'groupBars' }>['dimensions'][number];

/**
 * One dimension: a bar per rater group with its 95% interval, the pooled "others" figure and the
 * target, from the report description (the PDF draws the same rows). A suppressed group shows only
 * "fewer than N responses" — never a number.
 */
export function GroupBars({ dimension }: { dimension: GroupBarsDimension }) {
  const band = FIT_COLOURS[dimension.band];
  return (
    <Box className="group-bars" role="group" aria-label={dimension.ariaLabel}>
      <Group justify="space-between" align="baseline" mb={8} gap="xs" wrap="nowrap">
        <Text fw={650} size="sm">
          {dimension.name}
        </Text>
        <Text size="xs" c="dimmed" ta="right">
          {dimension.targetText} ·{' '}
          <span className="fit-chip" style={{ background: band.color, color: band.text }}>
            {dimension.chip}
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
      {dimension.rows.map((row) => (
        <BarRow
          key={row.key}
          row={row}
          target={dimension.target}
          colour={
            row.series === 'self'
              ? SERIES.self.color
              : row.series === 'others'
                ? dimension.band === 'near'
                  ? '#6b6558'
                  : band.color
                : SERIES.others.color
          }
        />
      ))}
    </Box>
  );
}

function BarRow({ row, target, colour }: { row: GroupBarRow; target: number | null; colour: string }) {
  const suppressed = row.mean == null;
  const ci = row.ciLow != null && row.ciHigh != null ? { low: row.ciLow, high: row.ciHigh } : null;
  return (
    <div className={`bar-row${row.pooled ? ' is-pooled' : ''}${suppressed ? ' is-suppressed' : ''}`} data-group={row.key}>
      <Text size="xs" className="bar-label" fw={row.pooled ? 650 : 500}>
        {row.label}
        {row.nText && (
          <Text span c="dimmed" size="xs">
            {' '}
            {row.nText}
          </Text>
        )}
      </Text>
      {suppressed ? (
        <div className="bar-track suppressed" role="img" aria-label={row.description}>
          <span className="suppressed-text">{row.suppressedText}</span>
        </div>
      ) : (
        <Tooltip label={row.description} withArrow openDelay={150}>
          <div className="bar-track" role="img" aria-label={row.description} tabIndex={0}>
            <svg viewBox="0 0 100 20" preserveAspectRatio="none" className="bar-svg" aria-hidden focusable="false">
              <rect
                className="bar"
                x={0}
                y={5}
                width={pct(row.mean!)}
                height={10}
                rx={1.5}
                fill={colour}
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
        {row.valueText}
      </Text>
    </div>
  );
}
