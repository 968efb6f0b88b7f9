import type { Stage } from '../../../model';
import type { RunInstruction } from '../../../parse';
import type { ShellWord } from '../../../shell';
import type { RuleCheck } from '../../framework/types';
import { apkAdds, apkDeletedNames, shippedStages } from '../../vocabulary';

const TOOLCHAIN = new Set([
  'build-base',
  'gcc',
  'g++',
  'clang',
  'make',
  'cmake',
  'musl-dev',
  'libc-dev',
  'autoconf',
  'automake',
  'libtool',
  'linux-headers',
  'binutils',
  'pkgconf',
  'pkgconfig',
  'go',
  'rust',
  'cargo',
]);

/** Header packages (`openssl-dev`) are build inputs; `-dev` runtime helpers are rare enough to accept. */
function isToolchain(name: string): boolean {
  return TOOLCHAIN.has(name) || /-dev$/.test(name);
}

/** `$BUILD_DEPS` / `${BUILD_DEPS}` → the packages an ENV or ARG of the stage lists. */
function expandVariable(
  word: ShellWord,
  stage: Stage,
  run: RunInstruction,
): string[] {
  const variable = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(word.value);
  if (!variable) return [word.value.replace(/[=~<>].*$/, '')];
  const value = stage.env(variable[1], run.line) ?? '';
  return value
    .split(/\s+/)
    .filter(Boolean)
    .map(name => name.replace(/[=~<>].*$/, ''));
}

export const check: RuleCheck = context => ({
  file(model) {
    const shipped = shippedStages(model).filter(stage => stage.isAlpine);
    const runs = shipped.flatMap(stage => stage.runs);
    const deletedAnywhere = new Set(
      runs.flatMap(run => [...apkDeletedNames(run)]),
    );
    for (const stage of shipped) {
      for (const run of stage.runs) {
        const deletedHere = apkDeletedNames(run);
        for (const add of apkAdds(run)) {
          if (
            add.virtual &&
            (deletedHere.has(add.virtual.value) ||
              deletedAnywhere.has(add.virtual.value))
          )
            continue;
          const left = add.packages
            .flatMap(pkg => expandVariable(pkg.word, stage, run))
            .filter(
              name =>
                isToolchain(name) &&
                !deletedHere.has(name) &&
                !deletedAnywhere.has(name),
            );
          if (left.length === 0) continue;
          context.report({
            at: add.command,
            message: `build toolchain (${left.join(
              ', ',
            )}) installed in the final image and never removed: build in a builder stage and COPY --from it`,
          });
        }
      }
    }
  },
});
