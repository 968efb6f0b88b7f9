export { consultedContextFiles } from './consultedContextFiles';
export { BuildContextFacts, NO_CONTEXT } from './BuildContextFacts';
export { MAX_CONTEXT_FILE_BYTES } from './input';
export type { BuildContextInput, ContextFileInput, ContextNote } from './input';
export { muslSibling, nativePackages } from './node';
export type { LockedNodePackage, NodeLockFacts } from './node';
export {
  muslWheelInterpreters,
  muslWheelSupport,
  normalizePythonName,
  wheelPlatforms,
  wheelRunsOn,
} from './python';
export type {
  LockedPythonPackage,
  PythonLockFacts,
  PythonVersion,
} from './python';
export type { GoModFacts } from './go';
export type { PrismaSchemaFacts } from './prisma';
export { NATIVE_GEMS, supportsMusl } from './ruby';
export type { GemfileLockFacts, LockedGem } from './ruby';
export { lockedAllocator } from './rust';
export type { CargoLockFacts } from './rust';
export type { DockerignoreFacts } from './dockerignore';
