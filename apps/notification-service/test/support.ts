/**
 * The notification service on a real PostgreSQL and a real Kafka broker, with a real SMTP server
 * (smtp-server) receiving its mails. A second transport plays the gateway: it publishes the
 * notices and listens to `mail.delivery-updated`.
 */
import {
  catalogue,
  createEnvelope,
  EventEnvelope,
  invitationIssuedV2,
  InvitationIssuedV2,
  KafkaTransport,
  mailDeliveryUpdatedV1,
  MailDeliveryUpdatedV1,
  SurveyTokenSeal,
} from '@leaderscope/events';
import { createTestDatabase, kafkaBrokers, SmtpSink, startSmtpSink, TestDatabase, uniqueName } from '@leaderscope/testing';
import { INestApplicationContext } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { NotificationConfig, startNotificationService } from '../src';

export const SECRET = 'notifier-test-secret-0123456789';
export const PUBLIC_URL = 'https://feedback.example.test';
export const ORG = 'org-notify';

export interface Harness {
  db: TestDatabase;
  sink: SmtpSink | null;
  namespace: string;
  gateway: KafkaTransport;
  deliveries: EventEnvelope<MailDeliveryUpdatedV1>[];
  config: NotificationConfig;
  service: INestApplicationContext | null;
  serviceTransport: KafkaTransport | null;
  start(): Promise<void>;
  stop(): Promise<void>;
  close(): Promise<void>;
  publish(envelopes: EventEnvelope[]): Promise<void>;
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** The newest delivery state per mail id. */
  latest(): Map<string, MailDeliveryUpdatedV1>;
}

function transport(namespace: string, clientId: string): KafkaTransport {
  return new KafkaTransport({ brokers: kafkaBrokers(), clientId, registry: catalogue, partitions: 3, namespace, commitIntervalMs: 200 });
}

export async function harness(options: { smtp?: boolean; config?: Partial<NotificationConfig> } = {}): Promise<Harness> {
  const db = await createTestDatabase('ls_notify');
  const sink = options.smtp === false ? null : await startSmtpSink();
  const namespace = uniqueName('notify');
  const gateway = transport(namespace, 'gateway-side');
  await gateway.start();
  const deliveries: EventEnvelope<MailDeliveryUpdatedV1>[] = [];
  await gateway.subscribe({
    groupId: uniqueName('observer'),
    contracts: [mailDeliveryUpdatedV1],
    handler: async (e) => void deliveries.push(e as EventEnvelope<MailDeliveryUpdatedV1>),
  });
  const config: NotificationConfig = {
    smtpUrl: sink ? sink.url : null,
    mailFrom: 'Leaderscope <feedback@northwind.test>',
    publicUrl: PUBLIC_URL,
    secret: SECRET,
    ratePerMinute: 0,
    retryBaseMs: 100,
    retryMaxMs: 400,
    maxAttempts: 200,
    smtpConnections: 3,
    reminderCheckMs: 100_000,
    reminderMinIntervalMs: 24 * 3600_000,
    pollMs: 50,
    ...options.config,
  };
  const h: Harness = {
    db,
    sink,
    namespace,
    gateway,
    deliveries,
    config,
    service: null,
    serviceTransport: null,
    async start() {
      h.serviceTransport = transport(namespace, 'notification-service');
      await h.serviceTransport.start();
      h.service = await startNotificationService({ databaseUrl: db.url, transport: h.serviceTransport, config, logger: ['error', 'warn'] });
    },
    async stop() {
      await h.serviceTransport?.stopConsumers();
      await h.service?.close();
      await h.serviceTransport?.close();
      h.service = null;
      h.serviceTransport = null;
    },
    async close() {
      await h.stop();
      await gateway.close();
      await sink?.stop();
      await db.drop();
    },
    publish: (envelopes) => gateway.publish(envelopes),
    async sql<T>(text: string, params: unknown[] = []) {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        return (await client.query(text, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    latest() {
      const out = new Map<string, MailDeliveryUpdatedV1>();
      for (const d of deliveries) {
        const seen = out.get(d.payload.mailId);
        if (!seen || seen.sequence < d.payload.sequence) out.set(d.payload.mailId, d.payload);
      }
      return out;
    },
  };
  await h.start();
  return h;
}

export const seal = new SurveyTokenSeal(SECRET);

export interface Invited {
  token: string;
  assignmentId: string;
  raterPersonId: string;
  email: string;
  envelope: EventEnvelope<InvitationIssuedV2>;
}

/** An invitation as the gateway issues it: a fresh token, sealed for the notifier. */
export function invitation(cycleId: string, i: number, extra: Partial<InvitationIssuedV2> = {}): Invited {
  const token = randomBytes(32).toString('base64url');
  const assignmentId = randomUUID();
  const email = `rater${i}@northwind.test`;
  const payload = {
    cycleId,
    cycleName: 'Spring 360',
    organisationName: 'Northwind',
    requestedBy: 'Hana Hr',
    subjectId: `subject-${i % 5}`,
    subjectName: `Subject ${i % 5}`,
    assignmentId,
    raterPersonId: `person-${i}`,
    raterName: `Rater ${i}`,
    raterGroup: 'peer' as const,
    email,
    anonymityThreshold: 3,
    closesAt: new Date(Date.now() + 14 * 86400_000).toISOString(),
    reminderDaysBeforeClose: [3],
    sealedToken: seal.seal(token, assignmentId),
    resend: false,
    issuedAt: new Date().toISOString(),
    ...extra,
  };
  return {
    token,
    assignmentId,
    raterPersonId: payload.raterPersonId,
    email: payload.email ?? email,
    envelope: createEnvelope(invitationIssuedV2, payload, { organisationId: ORG, correlationId: cycleId }),
  };
}

/** The survey link in a received mail's plain text. */
export function linkIn(text: string): string | undefined {
  return text.match(/https:\/\/feedback\.example\.test\/survey\/[A-Za-z0-9_%-]+/)?.[0];
}
