/** Something that makes the Dockerfile unbuildable, located in the text. */
export interface SyntaxProblem {
  message: string;
  start: number;
  end: number;
}
