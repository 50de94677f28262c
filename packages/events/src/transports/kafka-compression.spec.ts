/** Compression of produced record batches, against the run's real Kafka broker. */
import { eventually, kafkaBrokers, uniqueName } from '@leaderscope/testing';
import { CompressionCodecs, CompressionTypes } from 'kafkajs';
import { catalogue, KafkaCompression, KafkaTransport, reportUpdatedV1 } from '../index';
import { compressionType, decompressChunkSize, registerZstdCodec } from './kafka-compression';
import { reportEvent } from '../../test/report-event';

describe('compressionType', () => {
  it('compresses only requests above the threshold, with the codec asked for', () => {
    expect(compressionType('zstd', 4097, 4096)).toBe(CompressionTypes.ZSTD);
    expect(compressionType('gzip', 4097, 4096)).toBe(CompressionTypes.GZIP);
    expect(compressionType('zstd', 4096, 4096)).toBe(CompressionTypes.None);
    expect(compressionType('none', 1_000_000, 4096)).toBe(CompressionTypes.None);
  });
});

describe('the zstd codec', () => {
  registerZstdCodec();
  const codec = CompressionCodecs[CompressionTypes.ZSTD]() as {
    compress(encoder: { buffer: Buffer }): Promise<Buffer>;
    decompress(buffer: Buffer): Promise<Buffer>;
  };

  it('sizes its output buffer to hold a report batch in one pass, within bounds', () => {
    expect(decompressChunkSize(7_000)).toBe(64 * 1024);
    expect(decompressChunkSize(50_000)).toBe(400_000);
    expect(decompressChunkSize(5_000_000)).toBe(8 * 1024 * 1024);
  });

  it('gives back every byte, whether the batch fits its first output buffer or needs several', async () => {
    // Reports' JSON (about sevenfold) fits the first buffer; a run of one byte (thousandfold) does not.
    const reports = Buffer.from(JSON.stringify(Array.from({ length: 40 }, (_, i) => reportEvent(`subject-${i}`))));
    const repetitive = Buffer.alloc(3 * 1024 * 1024, 'a');
    for (const input of [reports, repetitive]) {
      const compressed = await codec.compress({ buffer: input });
      expect(compressed.length).toBeLessThan(input.length);
      expect((await codec.decompress(compressed)).equals(input)).toBe(true);
    }
    expect(repetitive.length).toBeGreaterThan(decompressChunkSize((await codec.compress({ buffer: repetitive })).length));
  });
});

describe('KafkaTransport compression on a real broker', () => {
  const transports: KafkaTransport[] = [];
  const calls = { zstdCompress: 0, zstdDecompress: 0, gzipCompress: 0, gzipDecompress: 0 };

  beforeAll(() => {
    // Counts the calls to each codec (every transport registers zstd; gzip is kafkajs's).
    registerZstdCodec();
    for (const [type, name] of [
      [CompressionTypes.ZSTD, 'zstd'],
      [CompressionTypes.GZIP, 'gzip'],
    ] as const) {
      const codec = CompressionCodecs[type]() as {
        compress(encoder: { buffer: Buffer }): Promise<Buffer>;
        decompress(buffer: Buffer): Promise<Buffer>;
      };
      CompressionCodecs[type] = () => ({
        compress: (encoder: { buffer: Buffer }) => (calls[`${name}Compress`]++, codec.compress(encoder)),
        decompress: (buffer: Buffer) => (calls[`${name}Decompress`]++, codec.decompress(buffer)),
      });
    }
  });

  afterAll(async () => {
    for (const t of transports) await t.close();
  });

  async function roundTrip(compression: KafkaCompression, compressAboveBytes: number, subjects: string[]): Promise<string[]> {
    const namespace = `${uniqueName(`compression-${compression}`)}.`;
    const transport = new KafkaTransport({
      brokers: kafkaBrokers(),
      clientId: 'compression-spec',
      registry: catalogue,
      partitions: 2,
      namespace,
      compression,
      compressAboveBytes,
    });
    transports.push(transport);
    await transport.start();
    const received: string[] = [];
    await transport.subscribe({
      groupId: 'reader',
      contracts: [reportUpdatedV1],
      handler: async (e) => {
        received.push(JSON.stringify(e));
      },
    });
    const sent = subjects.map((subjectId) => reportEvent(subjectId));
    await transport.publish(sent);
    await eventually('every event to arrive', async () => received.length === sent.length, 30000);
    expect(new Set(received)).toEqual(new Set(sent.map((e) => JSON.stringify(e))));
    return received;
  }

  it('sends a request above the threshold as zstd and the consumer reads the same events', async () => {
    const before = { ...calls };
    await roundTrip('zstd', 100, ['a', 'b', 'c']);
    expect(calls.zstdCompress).toBeGreaterThan(before.zstdCompress);
    expect(calls.zstdDecompress).toBeGreaterThan(before.zstdDecompress);
  }, 60000);

  it('leaves a request at or below the threshold, or with compression none, uncompressed', async () => {
    const before = { ...calls };
    await roundTrip('zstd', 1_000_000, ['d']);
    await roundTrip('none', 0, ['e', 'f']);
    expect(calls).toEqual(before);
  }, 60000);

  it('sends gzip when asked (kafkajs built-in codec)', async () => {
    const before = { ...calls };
    await roundTrip('gzip', 100, ['g', 'h']);
    expect(calls.gzipCompress).toBeGreaterThan(before.gzipCompress);
    expect(calls.gzipDecompress).toBeGreaterThan(before.gzipDecompress);
    expect(calls.zstdCompress).toBe(before.zstdCompress);
  }, 60000);
});
