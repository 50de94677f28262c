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
 * a seventh, and the consumer decompresses in ~0.05 ms (one pass: `decompressChunkSize`). Requests of small events stay uncompressed
 * (`compressAboveBytes`): compressing a 1 kB batch saves nothing worth a codec call.
 */
export const KAFKA_COMPRESSIONS = ['zstd', 'gzip', 'none'] as const;
export type KafkaCompression = (typeof KAFKA_COMPRESSIONS)[number];

/** Zstandard's level 3 (its default): at these sizes as fast as level 1 and a little smaller. */
const ZSTD_LEVEL = 3;

/**
 * The output buffer zstd decompresses a record batch into. zlib's default (16 KiB) made a ~7 kB
 * report batch (~45 kB of JSON) take four passes through the codec and a copy to join them: about
 * three times the CPU of one pass (docs/benchmarks.md, "Eighteenth round"). Reports compress about
 * sevenfold, so eight times the compressed size holds a batch in one pass; a batch that compressed
 * better simply takes more passes, as before. At most 8 MiB a pass (the largest produce request).
 */
export function decompressChunkSize(compressedBytes: number): number {
  return Math.min(8 * 1024 * 1024, Math.max(64 * 1024, compressedBytes * 8));
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
      return zstdDecompressSync(buffer, { chunkSize: decompressChunkSize(buffer.length) });
    },
  };
  CompressionCodecs[CompressionTypes.ZSTD] = () => codec;
}

/** kafkajs's compression type for a request of `bytes` bytes of values. */
export function compressionType(compression: KafkaCompression, bytes: number, compressAboveBytes: number): CompressionTypes {
  if (compression === 'none' || bytes <= compressAboveBytes) return CompressionTypes.None;
  return compression === 'zstd' ? CompressionTypes.ZSTD : CompressionTypes.GZIP;
}
