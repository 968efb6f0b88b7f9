export { parseDockerfile } from './parseDockerfile';
export type { DockerfileSyntax, SyntaxProblem } from './parseDockerfile';
export { LineIndex } from './lineIndex';
export * from './nodes';
