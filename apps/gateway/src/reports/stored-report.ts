import { compressedJson, jsonTextOfStored } from '@leaderscope/database';
import { PackedReport, ScoredReport, unpackReport } from '@leaderscope/vocabulary';

/**
 * A stored report as the read side uses it. The gateway stores each report as the JSON it received
 * (its item results packed in rows since report.updated v2, as objects before), compressed
 * (`bytea`: ReportsCompressed1768900000000; reports stored before are their plain text), and reads it
 * back as the engine's objects either way. Every read of a stored report goes through this or
 * `storedReport`.
 */
export function reportOfStored(stored: Buffer | string): ScoredReport {
  return unpackReport(JSON.parse(jsonTextOfStored(stored)) as ScoredReport | PackedReport);
}

/** The report column of the live and published read models: written compressed, read unpacked. */
export const storedReport = compressedJson((parsed) => unpackReport(parsed as ScoredReport | PackedReport));
