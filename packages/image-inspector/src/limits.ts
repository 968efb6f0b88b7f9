/**
 * Bounds on what one inspection may cost, whatever the archive claims: time
 * and memory stay bounded because nothing is held beyond these sizes and
 * every byte is read at most once.
 * @public
 */
export interface ImageLimits {
  /** Largest JSON document (manifest, index, config) read into memory. */
  maxJsonBytes: number;
  /** Most entries across all layers (each costs a little memory for the merged file tree). */
  maxEntries: number;
  /** Most uncompressed bytes across all layers. */
  maxUncompressedBytes: number;
  /**
   * Largest uncompressed/compressed ratio of a gzip layer once it has
   * expanded past `bombThresholdBytes`: real layers compress 2-10×, a
   * decompression bomb ~1000×.
   */
  maxCompressionRatio: number;
  bombThresholdBytes: number;
  /** Most bytes of one ELF file kept to read its program headers, dynamic section and string table. */
  maxElfCaptureBytes: number;
  /** Largest small text file read (os-release, WHEEL, loader path files). */
  maxTextBytes: number;
  /** Longest path inside a layer. */
  maxPathLength: number;
}

const MiB = 1024 * 1024;

/** @public */
export const DEFAULT_IMAGE_LIMITS: ImageLimits = {
  maxJsonBytes: 8 * MiB,
  maxEntries: 2_000_000,
  maxUncompressedBytes: 64 * 1024 * MiB,
  maxCompressionRatio: 200,
  bombThresholdBytes: 256 * MiB,
  maxElfCaptureBytes: 16 * MiB,
  maxTextBytes: 1 * MiB,
  maxPathLength: 4096,
};
