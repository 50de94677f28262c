import type { InstrumentDefinition } from '@leaderscope/framework';
import type { FieldProblem } from '../common/errors';
import type { StoredFocusArea } from './development-plan.entity';
import type { FocusArea } from './dto/development-plan.model';
import { FocusAreaKindValue } from './dto/development-plan.model';

/** How far ahead a review may be set. */
export const MAX_REVIEW_YEARS = 2;

/**
 * The plan's rules beyond the input's shape: every focus area exists in the cycle's instrument
 * version (a dimension id, or an item id), none twice, and the review date is a real calendar date
 * after today and within two years. Problems name the field, as bad input.
 */
export function planProblems(
  instrument: InstrumentDefinition,
  focusAreas: { kind: string; id: string; actions: string }[],
  reviewDate: string,
  today: Date,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  focusAreas.forEach((area, i) => {
    const field = `input.focusAreas[${i}]`;
    const exists =
      area.kind === 'dimension' ? instrument.dimensions.some((d) => d.id === area.id) : instrument.items.some((it) => it.id === area.id);
    if (!exists)
      problems.push({
        field: `${field}.id`,
        message: `"${area.id}" is not a ${area.kind} of ${instrument.name} version ${instrument.version}`,
      });
    const key = `${area.kind}:${area.id}`;
    if (seen.has(key)) problems.push({ field: `${field}.id`, message: `this ${area.kind} is already a focus area of the plan` });
    seen.add(key);
    if (area.actions.trim().length === 0) problems.push({ field: `${field}.actions`, message: 'write at least one action' });
  });
  const date = new Date(`${reviewDate}T00:00:00Z`);
  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== reviewDate)
    problems.push({ field: 'input.reviewDate', message: `${reviewDate} is not a calendar date` });
  else if (date.getTime() <= todayUtc) problems.push({ field: 'input.reviewDate', message: 'the review date must be in the future' });
  else if (date.getTime() > Date.UTC(today.getUTCFullYear() + MAX_REVIEW_YEARS, today.getUTCMonth(), today.getUTCDate()))
    problems.push({ field: 'input.reviewDate', message: `the review date must be within ${MAX_REVIEW_YEARS} years` });
  return problems;
}

/** A stored focus area with its name and dimension from the instrument. */
export function describeFocusArea(instrument: InstrumentDefinition, area: StoredFocusArea): FocusArea {
  const dimensionName = (id: string) => instrument.dimensions.find((d) => d.id === id)?.name ?? id;
  if (area.kind === 'dimension')
    return {
      kind: FocusAreaKindValue.dimension,
      id: area.id,
      label: dimensionName(area.id),
      dimensionId: area.id,
      dimensionName: dimensionName(area.id),
      actions: area.actions,
    };
  const item = instrument.items.find((it) => it.id === area.id);
  const dimensionId = item?.dimensionId ?? '';
  return {
    kind: FocusAreaKindValue.item,
    id: area.id,
    label: item?.text ?? area.id,
    dimensionId,
    dimensionName: dimensionName(dimensionId),
    actions: area.actions,
  };
}
