import fc from 'fast-check';
import { noiseText } from './dockerfileArbitraries';

/** Tokens whose insertion changes how a Dockerfile tokenizes. */
const SYNTAX_TOKENS = [
  '\\\n',
  '\\',
  '\n',
  '\r',
  '\r\n',
  '<<EOF\n',
  '\nEOF\n',
  '"',
  "'",
  '`',
  '$(',
  '${',
  '}',
  '[',
  ']',
  '#',
  ' && ',
  '\nFROM alpine AS x\n',
  '\nRUN <<EOF\n',
  '\u0000',
  '\ufeff',
  '\t',
];

type Mutation = (text: string) => string;

const at = (text: string, position: number) => position % (text.length + 1);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 200 })).map(
    ([position, length]): Mutation =>
      text => {
        const start = at(text, position);
        return text.slice(0, start) + text.slice(start + length);
      },
  ),
  fc
    .tuple(fc.nat(), fc.oneof(fc.constantFrom(...SYNTAX_TOKENS), noiseText))
    .map(
      ([position, insertion]): Mutation =>
        text => {
          const start = at(text, position);
          return text.slice(0, start) + insertion + text.slice(start);
        },
    ),
  fc
    .tuple(
      fc.nat(),
      fc.integer({ min: 1, max: 300 }),
      fc.integer({ min: 1, max: 20 }),
    )
    .map(
      ([position, length, times]): Mutation =>
        text => {
          const start = at(text, position);
          return (
            text.slice(0, start) +
            text.slice(start, start + length).repeat(times) +
            text.slice(start)
          );
        },
    ),
  fc.nat().map(
    (position): Mutation =>
      text =>
        text.slice(0, at(text, position)),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(
    ([a, b]): Mutation =>
      text => {
        const lines = text.split('\n');
        const i = a % lines.length;
        const j = b % lines.length;
        [lines[i], lines[j]] = [lines[j], lines[i]];
        return lines.join('\n');
      },
  ),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 100 }), fc.boolean()).map(
    ([position, length, upper]): Mutation =>
      text => {
        const start = at(text, position);
        const slice = text.slice(start, start + length);
        return (
          text.slice(0, start) +
          (upper ? slice.toUpperCase() : slice.toLowerCase()) +
          text.slice(start + length)
        );
      },
  ),
);

/** A real Dockerfile damaged by a few random edits. */
export function mutatedDockerfile(seeds: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...seeds),
      fc.array(mutation, { minLength: 1, maxLength: 6 }),
    )
    .map(([seed, mutations]) =>
      mutations.reduce((text, mutate) => mutate(text), seed),
    );
}
