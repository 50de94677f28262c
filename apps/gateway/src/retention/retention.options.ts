export const RETENTION_OPTIONS = Symbol('RETENTION_OPTIONS');

export interface RetentionOptions {
  /** How often the retention job looks for cycles whose deletion is due (default hourly). */
  intervalMs?: number;
  /** What time it is (tests move it). */
  clock?: () => Date;
}

export const DEFAULT_RETENTION_INTERVAL_MS = 3_600_000;
