export { consultedContextFiles } from './consultedContextFiles';
export { BuildContextFacts, NO_CONTEXT } from './BuildContextFacts';
export { MAX_CONTEXT_FILE_BYTES } from './input';
export type { BuildContextInput, ContextFileInput, ContextNote } from './input';
export { muslSibling, nativePackages } from './node';
export type { LockedNodePackage, NodeLockFacts } from './node';
export {
  muslWheelSupport,
  normalizePythonName,
  wheelPlatforms,
} from './python';
export type { LockedPythonPackage, PythonLockFacts } from './python';
export type { GoModFacts } from './go';
export type { PrismaSchemaFacts } from './prisma';
export { NATIVE_GEMS, supportsMusl } from './ruby';
export type { GemfileLockFacts, LockedGem } from './ruby';
export type { DockerignoreFacts } from './dockerignore';
