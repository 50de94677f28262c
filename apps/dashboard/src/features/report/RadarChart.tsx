import type { Block } from '@leaderscope/messages/src/report';
import {
  Legend,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart as RechartsRadar,
  ResponsiveContainer,
  Tooltip,
} from 'recharts';
import { fmt, SERIES } from './types';

export type RadarBlock = Extract<Block, { kind: 'radar' }>;

function WrappedTick(props: {
  x?: number | string;
  y?: number | string;
  payload?: { value: string };
  textAnchor?: string;
  cx?: number;
  cy?: number;
}) {
  const { x = 0, y = 0, payload, textAnchor = 'middle' } = props;
  const words = String(payload?.value ?? '').split(' ');
  const lines: string[] = [];
  for (const word of words) {
    const last = lines[lines.length - 1];
    if (last && (last + ' ' + word).length <= 16) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  const yNum = Number(y);
  const offset = yNum < Number(props.cy ?? yNum) ? -(lines.length - 1) * 13 : 0;
  return (
    <text x={Number(x)} y={yNum + offset} textAnchor={textAnchor as 'middle'} fontSize={11.5} fill="#374151">
      {lines.map((line, i) => (
        <tspan key={i} x={Number(x)} dy={i === 0 ? 4 : 13}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/**
 * Others, self and target per dimension on the 1–5 scale, from the report description's radar
 * block (the PDF draws the same block). A suppressed figure is left out (never drawn as zero).
 * Fixed width/height render without a ResizeObserver (tests).
 */
export function ReportRadarChart({ block, width, height = 420 }: { block: RadarBlock; width?: number; height?: number }) {
  const data = block.axes.map((a) => ({ dimension: a.label, others: a.others, self: a.self, target: a.target }));
  const chart = (
    <RechartsRadar data={data} outerRadius="68%" width={width} height={height} accessibilityLayer>
      <PolarGrid stroke="#d1d5db" />
      <PolarAngleAxis dataKey="dimension" tick={<WrappedTick />} />
      <PolarRadiusAxis angle={90} domain={[1, 5]} tickCount={5} tick={{ fontSize: 10, fill: '#6b7280' }} axisLine={false} />
      <Radar
        name={block.legend.target}
        dataKey="target"
        stroke={SERIES.target.color}
        strokeDasharray="5 4"
        strokeWidth={1.5}
        fill="none"
        fillOpacity={0}
        isAnimationActive={false}
      />
      <Radar
        name={block.legend.others}
        dataKey="others"
        stroke={SERIES.others.color}
        strokeWidth={2.5}
        fill={SERIES.others.color}
        fillOpacity={0.18}
        isAnimationActive={false}
        dot={{ r: 3 }}
      />
      <Radar
        name={block.legend.self}
        dataKey="self"
        stroke={SERIES.self.color}
        strokeWidth={2}
        fill={SERIES.self.color}
        fillOpacity={0.06}
        isAnimationActive={false}
        dot={{ r: 2.5 }}
      />
      <Tooltip formatter={(value) => (typeof value === 'number' ? fmt(value) : '—')} />
      <Legend verticalAlign="bottom" iconType="plainline" wrapperStyle={{ fontSize: 13 }} />
    </RechartsRadar>
  );
  return (
    <figure className="chart-figure" aria-labelledby="radar-caption" data-testid="radar-chart">
      <figcaption id="radar-caption" className="visually-hidden">
        {block.caption}
      </figcaption>
      {width ? (
        chart
      ) : (
        <ResponsiveContainer width="100%" height={height}>
          {chart}
        </ResponsiveContainer>
      )}
      <table className="visually-hidden">
        <caption>{block.tableCaption}</caption>
        <thead>
          <tr>
            {block.columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {block.axes.map((a) => (
            <tr key={a.label}>
              <th scope="row">{a.label}</th>
              <td>{a.othersText}</td>
              <td>{a.selfText}</td>
              <td>{a.targetText}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
