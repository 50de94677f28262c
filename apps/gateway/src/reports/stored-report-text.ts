import { jsonText } from '@leaderscope/database';
import { PackedReport, ScoredReport, unpackReport } from '@leaderscope/vocabulary';
import type { ValueTransformer } from 'typeorm';

/**
 * A stored report's text as the read side uses it: the JSON the gateway received, stored as it came
 * (its item results packed in rows since report.updated v2, as objects before), read back as the
 * engine's objects either way. Every read of a stored report goes through this or `reportOfText`.
 */
export function reportOfText(text: string): ScoredReport {
  return unpackReport(JSON.parse(text) as ScoredReport | PackedReport);
}

/** The report column of the live and published read models (`text`: WholeJsonAsText1768600000001). */
export const storedReportText: ValueTransformer = {
  ...jsonText, // written as JSON text
  from: (value: unknown) => (typeof value === 'string' ? reportOfText(value) : value),
};
