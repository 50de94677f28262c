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
import { fmt, SERIES, selfScore, type DimensionScore } from './types';

export interface RadarDatum {
  dimension: string;
  others: number | null;
  self: number | null;
  target: number | null;
}

export function radarData(dimensions: DimensionScore[]): RadarDatum[] {
  return dimensions.map((d) => {
    const self = selfScore(d);
    return {
      dimension: d.name,
      others: d.others.suppressed ? null : (d.others.mean ?? null),
      self: self && !self.suppressed ? (self.mean ?? null) : null,
      target: d.target ?? null,
    };
  });
}

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
 * Others, self and target per dimension on the 1–5 scale. A suppressed figure is left out (never
 * drawn as zero). Fixed width/height render without a ResizeObserver (tests, PDF-like use).
 */
export function ReportRadarChart({ dimensions, width, height = 420 }: { dimensions: DimensionScore[]; width?: number; height?: number }) {
  const data = radarData(dimensions);
  const chart = (
    <RechartsRadar data={data} outerRadius="68%" width={width} height={height} accessibilityLayer>
      <PolarGrid stroke="#d1d5db" />
      <PolarAngleAxis dataKey="dimension" tick={<WrappedTick />} />
      <PolarRadiusAxis angle={90} domain={[1, 5]} tickCount={5} tick={{ fontSize: 10, fill: '#6b7280' }} axisLine={false} />
      <Radar
        name={SERIES.target.name}
        dataKey="target"
        stroke={SERIES.target.color}
        strokeDasharray="5 4"
        strokeWidth={1.5}
        fill="none"
        fillOpacity={0}
        isAnimationActive={false}
      />
      <Radar
        name={SERIES.others.name}
        dataKey="others"
        stroke={SERIES.others.color}
        strokeWidth={2.5}
        fill={SERIES.others.color}
        fillOpacity={0.18}
        isAnimationActive={false}
        dot={{ r: 3 }}
      />
      <Radar
        name={SERIES.self.name}
        dataKey="self"
        stroke={SERIES.self.color}
        strokeWidth={2}
        fill={SERIES.self.color}
        fillOpacity={0.06}
        isAnimationActive={false}
        dot={{ r: 2.5 }}
      />
      <Tooltip formatter={(value) => (typeof value === 'number' ? fmt(value) : 'not shown')} />
      <Legend verticalAlign="bottom" iconType="plainline" wrapperStyle={{ fontSize: 13 }} />
    </RechartsRadar>
  );
  return (
    <figure className="chart-figure" aria-labelledby="radar-caption" data-testid="radar-chart">
      <figcaption id="radar-caption" className="visually-hidden">
        Radar chart of others, self and target per dimension on the 1 to 5 scale.
      </figcaption>
      {width ? (
        chart
      ) : (
        <ResponsiveContainer width="100%" height={height}>
          {chart}
        </ResponsiveContainer>
      )}
      <table className="visually-hidden">
        <caption>Others, self and target per dimension</caption>
        <thead>
          <tr>
            <th scope="col">Dimension</th>
            <th scope="col">Others</th>
            <th scope="col">Self</th>
            <th scope="col">Target</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.dimension}>
              <th scope="row">{d.dimension}</th>
              <td>{d.others == null ? 'not shown' : fmt(d.others, 2)}</td>
              <td>{d.self == null ? 'not shown' : fmt(d.self, 2)}</td>
              <td>{fmt(d.target)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
