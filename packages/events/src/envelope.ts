import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { jsonMemberSpan } from './json-text';

/** The envelope every event travels in, whatever the transport. */
export const envelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime(),
  organisationId: z.string().min(1),
  key: z.string().min(1),
  correlationId: z.string().min(1),
  payload: z.unknown(),
});

export interface EventEnvelope<P = unknown> {
  /** Unique per event; consumers use it to process each event once. */
  id: string;
  /** Event type, e.g. `survey.submitted`. */
  type: string;
  /** Contract version of the payload. */
  version: number;
  occurredAt: string;
  organisationId: string;
  /** Partition key: events with the same key are delivered in order (per subject). */
  key: string;
  correlationId: string;
  payload: P;
}

/** A versioned, validated event contract. `P` is the payload consumers get, `I` what producers may pass (defaults filled in). */
export interface EventContract<P, I = P> {
  type: string;
  version: number;
  topic: string;
  schema: z.ZodType<P, I>;
  /** The partition key of an event, derived from its payload. */
  keyOf(payload: P): string;
  /**
   * A subscriber's received form only (`receivedAs`): the contract's untransformed schema and the
   * turn that `parseEnvelope` applies after it, given the text the event was read from.
   */
  readonly received?: {
    schema: z.ZodType;
    keep(payload: unknown, text: ReceivedText | undefined): P;
  };
}

/**
 * The text an event was read from, handed to a subscriber's received form (`receivedAs`): a large
 * member can be kept as the bytes it arrived in, instead of being serialised again once validated,
 * and off the JavaScript heap (a Buffer's bytes are neither copied nor promoted by the collector).
 */
export class ReceivedText {
  /** `bytes`: the text's UTF-8, where the transport has it (Kafka's message value). */
  constructor(
    private readonly text: string,
    private readonly bytes?: Buffer,
  ) {}

  /**
   * The UTF-8 of the payload's member at `path` (`'report'`): the source of the value that was
   * validated (`jsonMemberSpan`: the occurrence `JSON.parse` keeps), a view of the transport's
   * bytes where it has them. Undefined where the text cannot say for sure (an escaped key), or when
   * the bytes are not valid UTF-8 (their text, decoded with replacements, was what was validated).
   */
  payloadMember(...path: string[]): Buffer | undefined {
    const bytes = this.bytes ?? Buffer.from(this.text, 'utf8');
    const span = jsonMemberSpan(bytes, ['payload', ...path]);
    if (!span) return undefined;
    const member = bytes.subarray(span[0], span[1]);
    return this.bytes && !isUtf8(member) ? undefined : member;
  }
}

export function defineEvent<S extends z.ZodType>(def: {
  type: string;
  version: number;
  topic: string;
  schema: S;
  keyOf: (payload: z.infer<S>) => string;
}): EventContract<z.output<S>, z.input<S>> {
  return def as unknown as EventContract<z.output<S>, z.input<S>>;
}

/**
 * The same contract with its payload schema compiled ahead of time (`z.compile`: the same checks,
 * output and errors, without the runtime parser's per-node dispatch, several times faster on large
 * payloads such as a report.updated's ~44 kB report). Compiling costs a few hundred milliseconds
 * once, so do it at start-up for a contract a hot path validates many times. A schema zod cannot
 * compile is returned as it is (the runtime parser).
 */
export function compileContract<P, I>(contract: EventContract<P, I>): EventContract<P, I> {
  return { ...contract, schema: z.compile(contract.schema) };
}

/**
 * A subscriber's form of a contract: its events are validated exactly as the compiled contract
 * validates them (`compileContract`), then turned by `keep` into what the subscriber holds, as soon
 * as they are validated. A large payload's parsed form (a report.updated's ~44 kB report is a few
 * thousand objects) then dies as soon as it is parsed, instead of living, and being copied by the
 * garbage collector, until its batch is handled. `keep` is given the text the event was read from
 * where the transport has it (`parseEnvelope`'s `text`), so that it can keep a member as it arrived.
 * An invalid event is refused before `keep` runs, with the contract's own issues. For `subscribe`
 * only: nothing is published in this form (`keyOf` refuses).
 */
export function receivedAs<P, I, K>(
  contract: EventContract<P, I>,
  keep: (payload: P, text: ReceivedText | undefined) => K,
): EventContract<K, I> {
  const schema = compileContract(contract).schema;
  return {
    type: contract.type,
    version: contract.version,
    topic: contract.topic,
    // validated without the text (a direct use of the schema)
    schema: schema.transform((payload) => keep(payload, undefined)),
    received: { schema, keep: (payload, text) => keep(payload as P, text) },
    keyOf: () => {
      throw new Error(`${contract.type} v${contract.version} in a subscriber's received form is not for publishing`);
    },
  };
}

export class EventValidationError extends Error {
  constructor(
    readonly eventType: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(`invalid ${eventType}: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'EventValidationError';
  }
}

function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

export interface EventMeta {
  organisationId: string;
  correlationId?: string;
  id?: string;
  occurredAt?: Date;
}

/** Builds an envelope for a payload, validating the payload against its contract. */
export function createEnvelope<P, I>(contract: EventContract<P, I>, payload: I, meta: EventMeta): EventEnvelope<P> {
  const parsed = contract.schema.safeParse(payload);
  if (!parsed.success) throw new EventValidationError(contract.type, issuesOf(parsed.error));
  const id = meta.id ?? randomUUID();
  return {
    id,
    type: contract.type,
    version: contract.version,
    occurredAt: (meta.occurredAt ?? new Date()).toISOString(),
    organisationId: meta.organisationId,
    key: contract.keyOf(parsed.data),
    correlationId: meta.correlationId ?? id,
    payload: parsed.data,
  };
}

/**
 * Validates an envelope and its payload against the registry's contract. `text`: the text `raw` was
 * parsed from, and `bytes` its UTF-8 where the transport has it, for a subscriber's received form
 * (`receivedAs`) to keep parts of as they arrived.
 */
export function parseEnvelope(raw: unknown, registry: ContractRegistry, text?: string, bytes?: Buffer): EventEnvelope {
  const env = envelopeSchema.safeParse(raw);
  if (!env.success) throw new EventValidationError('envelope', issuesOf(env.error));
  const contract = registry.find(env.data.type, env.data.version);
  if (!contract) {
    throw new EventValidationError(env.data.type, [
      { path: 'type', message: `no contract registered for ${env.data.type} v${env.data.version}` },
    ]);
  }
  const received = contract.received;
  const payload = (received?.schema ?? contract.schema).safeParse(env.data.payload);
  if (!payload.success) throw new EventValidationError(env.data.type, issuesOf(payload.error));
  return {
    ...(env.data as EventEnvelope),
    payload: received ? received.keep(payload.data, text === undefined ? undefined : new ReceivedText(text, bytes)) : payload.data,
  };
}

export class ContractRegistry {
  private readonly byKey = new Map<string, EventContract<unknown, unknown>>();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- contracts of every payload type side by side
  constructor(contracts: EventContract<any, any>[] = []) {
    contracts.forEach((c) => this.register(c));
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  register(contract: EventContract<any, any>): void {
    this.byKey.set(`${contract.type}@${contract.version}`, contract);
  }
  find(type: string, version: number): EventContract<unknown, unknown> | undefined {
    return this.byKey.get(`${type}@${version}`);
  }
  /**
   * This registry with `contracts` in place of the registered ones of the same type and version: how
   * a transport validates a subscriber's events with the contracts the subscriber names (which may be
   * compiled, `compileContract`: same checks, faster on large payloads).
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  with(contracts: EventContract<any, any>[]): ContractRegistry {
    return new ContractRegistry([...this.all(), ...contracts]);
  }
  all(): EventContract<unknown, unknown>[] {
    return [...this.byKey.values()];
  }
}
