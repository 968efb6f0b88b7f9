export {
  dockerfileBytes,
  dockerfileText,
  noiseText,
} from './dockerfileArbitraries';
export { edgeCases } from './edgeCases';
export type { EdgeCase } from './edgeCases';
export { mutatedDockerfile } from './mutations';
export { inputText, reportProblems } from './reportProblems';
export {
  BUILT_IN_SEEDS,
  loadSeedDockerfiles,
  REPOSITORY_ROOT,
} from './seedDockerfiles';
