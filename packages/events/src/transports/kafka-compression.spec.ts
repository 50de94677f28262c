/** Compression of produced record batches, against the run's real Kafka broker. */
import { eventually, kafkaBrokers, uniqueName } from '@leaderscope/testing';
import { CompressionCodecs, CompressionTypes } from 'kafkajs';
import { catalogue, KafkaCompression, KafkaTransport, reportUpdatedV1 } from '../index';
import { zstdCompressSync } from 'node:zlib';
import { compressionType, decompressChunkSize, registerZstdCodec, zstdContentSize } from './kafka-compression';
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

  it('reads the decompressed size a zstd frame states, whatever the width of the field', () => {
    for (const size of [0, 200, 255, 256, 300, 65_791, 65_792, 70_000, 5_000_000]) {
      const frame = zstdCompressSync(Buffer.alloc(size, 'r'));
      expect(zstdContentSize(frame)).toBe(size);
    }
    // Frame_Content_Size of each width, by hand: 2 bytes (+256), 8 bytes, and a frame that states none
    const header = (descriptor: number, ...field: number[]) => Buffer.from([0x28, 0xb5, 0x2f, 0xfd, descriptor, ...field, 0, 0, 0]);
    expect(zstdContentSize(header(0x60, 0x10, 0x00))).toBe(0x10 + 256); // single segment, 2-byte size
    expect(zstdContentSize(header(0xe0, 1, 0, 0, 0, 1, 0, 0, 0))).toBe(2 ** 32 + 1); // single segment, 8-byte size
    expect(zstdContentSize(header(0x00, 0x58))).toBeNull(); // a window descriptor and no size (a streaming writer)
    expect(zstdContentSize(header(0x81, 0x58, 7, 0x10, 0x27, 0, 0))).toBe(10_000); // window, 1-byte dictionary id, 4-byte size
    expect(zstdContentSize(Buffer.from('not zstd at all'))).toBeNull();
    expect(zstdContentSize(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]))).toBeNull();
  });

  it('sizes its output buffer to hold a batch in one pass, within bounds', () => {
    const batch = (bytes: number) => zstdCompressSync(Buffer.alloc(bytes, 'leaderscope'));
    expect(decompressChunkSize(batch(1_000))).toBe(64 * 1024);
    expect(decompressChunkSize(batch(400_000))).toBe(400_001);
    expect(decompressChunkSize(batch(9_000_000))).toBe(8 * 1024 * 1024);
    // a frame that does not state its size: twelve times its compressed size
    const unsized = Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x58]), Buffer.alloc(9_994)]);
    expect(decompressChunkSize(unsized)).toBe(120_000);
  });

  it('gives back every byte, whether the batch fits its first output buffer or needs several', async () => {
    const reports = Buffer.from(JSON.stringify(Array.from({ length: 40 }, (_, i) => reportEvent(`subject-${i}`))));
    const repetitive = Buffer.alloc(9 * 1024 * 1024, 'a'); // more than one pass holds (8 MiB at most each)
    for (const input of [reports, repetitive]) {
      const compressed = await codec.compress({ buffer: input });
      expect(compressed.length).toBeLessThan(input.length);
      expect((await codec.decompress(compressed)).equals(input)).toBe(true);
    }
    expect(decompressChunkSize(await codec.compress({ buffer: repetitive }))).toBeLessThan(repetitive.length);
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
