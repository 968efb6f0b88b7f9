export { buildModel, stageLabel, crossesLibc } from './buildModel';
export { stageOfRun } from './StageBuilder';
export { classifyImage, imageEnvironment } from './imageCatalog';
export type {
  ImageClass,
  ImageCertainty,
  PackageManagerFamily,
} from './imageCatalog';
export type { DistroEvidence } from './distroEvidence';
export {
  parseImageRef,
  imagePath,
  literalParts,
  substituteVariables,
} from './imageRef';
export type { ImageRef } from './imageRef';
export {
  ALPINE_RELEASES,
  alpineRelease,
  daysPastEndOfLife,
  compareVersions,
} from './alpineReleases';
export type { AlpineRelease } from './alpineReleases';
export type {
  CopyEdge,
  CopySource,
  DistroDecidedBy,
  DistroDecision,
  DockerfileModel,
  Stage,
  VariableDefinition,
} from './types';
