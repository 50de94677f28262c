import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The correlation id of the work in hand: set from the gateway request (or the event being
 * handled), carried in every event envelope emitted meanwhile, and written on every log line.
 */
const storage = new AsyncLocalStorage<{ correlationId: string }>();

export function withCorrelation<T>(correlationId: string, work: () => T): T {
  return storage.run({ correlationId }, work);
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}
