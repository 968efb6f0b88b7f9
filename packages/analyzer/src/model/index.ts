export { buildModel, stageLabel, crossesLibc } from './buildModel';
export { classifyImage } from './imageCatalog';
export type { ImageClass } from './imageCatalog';
export { parseImageRef, imagePath, substituteVariables } from './imageRef';
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
  DockerfileModel,
  Stage,
  VariableDefinition,
} from './types';
