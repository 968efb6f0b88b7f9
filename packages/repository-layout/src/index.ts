/**
 * What a repository's Dockerfiles and Alpine Advisor config files are: which
 * file names are Dockerfiles, which folders are skipped, what a Dockerfile
 * glob means, which `.alpine-advisor.yaml` governs a Dockerfile, and one
 * walker over an abstract tree. The CLI (file system) and the Backstage
 * backend (UrlReader trees, local sources) both use it, so one repository
 * gets the same findings in CI and in the portal.
 *
 * @packageDocumentation
 */

export {
  CONFIG_FILE_NAMES,
  SKIPPED_DIRECTORIES,
  isConfigFileName,
  isDockerfileName,
  isSkippedDirectory,
} from './names';
export {
  DockerfilePatternError,
  classifyRepositoryPath,
  isGlobPattern,
  isSearchedDirectory,
  matchesPattern,
  parseDockerfilePatterns,
} from './patterns';
export type { RepositoryFileKind } from './patterns';
export {
  BUILD_CONTEXT_FILES,
  buildContextCandidates,
  collectBuildContext,
  contextEntryOf,
  entryPlaceholders,
  isBuildContextPath,
} from './buildContext';
export type { BuildContextOptions } from './buildContext';
export { whyNotADockerfile } from './dockerfileText';
export type { NotADockerfile, NotADockerfileReason } from './dockerfileText';
export { fileSystemTree, treeFromFiles } from './tree';
export type { RepositoryTree, TreeEntry, TreeFile } from './tree';
export { compareCodePoints, findRepositoryFiles } from './walk';
export type { RepositoryFiles, RepositorySearchOptions } from './walk';
export { RepositoryConfigResolver, effectiveRepositoryConfig } from './config';
export type {
  ConfigLookup,
  ConfigParser,
  DockerfileConfig,
  RepositoryConfigFile,
} from './config';
