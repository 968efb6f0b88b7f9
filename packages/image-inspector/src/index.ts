/**
 * Alpine Advisor's image inspector: reads a built container image
 * (`docker save` archive, OCI layout, or a stream of either) layer by layer without
 * extracting it, decides its libc from its files and finds the binaries,
 * libraries, wheels and runtimes that will not run on it. No Backstage
 * dependency, so the CLI and the backend share it.
 *
 * @packageDocumentation
 */

export { inspectImage } from './inspectImage';
export type { InspectImageOptions } from './inspectImage';
export { ImageReadError } from './ImageReadError';
export { DEFAULT_IMAGE_LIMITS } from './limits';
export type { ImageLimits } from './limits';
export type { ElfFacts } from './elf/ElfFacts';
export * from './types';
