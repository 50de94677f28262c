/**
 * kafkajs 2.2.4 on Node.js 24.
 *
 * kafkajs computes a negative delay in `RequestQueue.scheduleCheckPendingRequests` (upstream
 * tulios/kafkajs#1751, fix unreleased). Every Node.js clamps a negative delay to 1 ms — that is what
 * kafkajs has always relied on — but Node.js 23+ also prints a `TimeoutNegativeWarning` for it, once
 * per client. The behaviour is unchanged, so we drop exactly that warning when it comes from kafkajs's
 * request queue and let every other warning (ours included) through.
 */
let installed = false;

export function isKafkajsNegativeTimeoutWarning(warning: unknown, type: unknown, stack: string): boolean {
  const name = typeof type === 'string' ? type : warning instanceof Error ? warning.name : '';
  return name === 'TimeoutNegativeWarning' && /kafkajs[\\/]src[\\/]network[\\/]requestQueue/.test(stack);
}

export function silenceKafkajsNegativeTimeoutWarning(): void {
  if (installed) return;
  installed = true;
  const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = (warning: string | Error, ...rest: unknown[]) => {
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    if (isKafkajsNegativeTimeoutWarning(warning, type, new Error().stack ?? '')) return;
    emitWarning(warning, ...rest);
  };
}
