import type { ReportFieldsFragment } from '../../gql/graphql';

export type Report = ReportFieldsFragment;
export type DimensionScore = Report['dimensions'][number];
export type GroupScore = DimensionScore['groups'][number];

export const SERIES = {
  others: { name: 'Others', color: '#2d549e' },
  self: { name: 'Self', color: '#c2560c' },
  target: { name: 'Target', color: '#4b5563' },
} as const;

export function selfScore(d: DimensionScore): GroupScore | undefined {
  return d.groups.find((g) => g.group === 'self');
}

/** A figure on the scale, formatted by the one formatting module. */
export { score as fmt } from '../../app/format';
