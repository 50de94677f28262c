import { constants, zstdCompressSync, zstdDecompressSync } from 'node:zlib';
import { CompressionCodecs, CompressionTypes } from 'kafkajs';

/**
 * Compression of the record batches the Kafka transport produces.
 *
 * - `zstd` (default): Zstandard, Kafka's own codec since 2.1, through Node.js's zlib (libzstd; no
 *   extra package). kafkajs 2.2.4 ships gzip only and lets an application register the others.
 * - `gzip`: kafkajs's built-in codec (zlib's default level: about three times zstd's CPU here).
 * - `none`: records as they are.
 *
 * A report.updated is ~45 kB of JSON that zstd takes to ~7 kB in ~0.1 ms: the producer's CRC-32C (in
 * JavaScript) and its buffer copies then run over a seventh of the bytes, the broker stores and serves
 * a seventh, and the consumer decompresses in ~0.05 ms (one pass, into a buffer of the size the frame states: `decompressChunkSize`). Requests of small events stay uncompressed
 * (`compressAboveBytes`): compressing a 1 kB batch saves nothing worth a codec call.
 */
export const KAFKA_COMPRESSIONS = ['zstd', 'gzip', 'none'] as const;
export type KafkaCompression = (typeof KAFKA_COMPRESSIONS)[number];

/** Zstandard's level 3 (its default): at these sizes as fast as level 1 and a little smaller. */
const ZSTD_LEVEL = 3;

/**
 * The size a zstd frame says it decompresses to (its header's Frame_Content_Size, RFC 8878 3.1.1.1),
 * or null when the frame does not say (a streaming producer may leave it out) or `frame` is not zstd.
 * Node.js's one-shot compressor (this codec's, and the Kafka producers'), always writes it.
 */
export function zstdContentSize(frame: Buffer): number | null {
  if (frame.length < 6 || frame.readUInt32LE(0) !== 0xfd2fb528) return null;
  const descriptor = frame[4];
  const sizeFlag = descriptor >> 6;
  const singleSegment = (descriptor >> 5) & 1;
  const at = 5 + (singleSegment ? 0 : 1) + [0, 1, 2, 4][descriptor & 3]; // window descriptor, dictionary id
  const bytes = sizeFlag === 0 ? singleSegment : [0, 2, 4, 8][sizeFlag];
  if (bytes === 0 || frame.length < at + bytes) return null;
  if (bytes === 1) return frame[at];
  if (bytes === 2) return frame.readUInt16LE(at) + 256;
  if (bytes === 4) return frame.readUInt32LE(at);
  const size = frame.readBigUInt64LE(at);
  return size > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(size);
}

/**
 * The output buffer zstd decompresses a record batch into: the size the frame says, so the batch
 * comes out in one pass into a buffer of its size. Without it, zlib's default (16 KiB) made
 * a ~7 kB report batch take four passes through the codec and a copy to join them: about three
 * times the CPU of one pass (docs/benchmarks.md, "Eighteenth round"); and eight times the compressed
 * size, used until session 25, took two passes once reports at four places compressed nine- to
 * tenfold in a batch ("Twenty-second round"). A frame that does not say its size gets twelve times
 * its compressed size. At least 64 KiB and at most 8 MiB a pass (the largest produce request): a
 * larger batch simply takes more passes.
 */
export function decompressChunkSize(compressed: Buffer): number {
  const stated = zstdContentSize(compressed);
  // a byte to spare: a buffer filled exactly would make zlib ask the codec once more for nothing
  const size = stated === null ? compressed.length * 12 : stated + 1;
  return Math.min(8 * 1024 * 1024, Math.max(64 * 1024, size));
}

let zstdRegistered = false;

/**
 * Registers the zstd codec with kafkajs (once per process). Every process that consumes from a topic
 * a zstd producer writes must have it, so the transport registers it whatever it produces with.
 */
export function registerZstdCodec(): void {
  if (zstdRegistered) return;
  zstdRegistered = true;
  const codec = {
    async compress(encoder: { buffer: Buffer }): Promise<Buffer> {
      return zstdCompressSync(encoder.buffer, { params: { [constants.ZSTD_c_compressionLevel]: ZSTD_LEVEL } });
    },
    async decompress(buffer: Buffer): Promise<Buffer> {
      return zstdDecompressSync(buffer, { chunkSize: decompressChunkSize(buffer) });
    },
  };
  CompressionCodecs[CompressionTypes.ZSTD] = () => codec;
}

/** kafkajs's compression type for a request of `bytes` bytes of values. */
export function compressionType(compression: KafkaCompression, bytes: number, compressAboveBytes: number): CompressionTypes {
  if (compression === 'none' || bytes <= compressAboveBytes) return CompressionTypes.None;
  return compression === 'zstd' ? CompressionTypes.ZSTD : CompressionTypes.GZIP;
}
