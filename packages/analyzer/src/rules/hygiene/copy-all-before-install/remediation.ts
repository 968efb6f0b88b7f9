/*
 * The fix of copy-all-before-install in the install's own terms. Most
 * installs read only their manifests (`npm ci`, `go mod download`): copy
 * those, install, copy the rest. Some build or install the project itself
 * and fail without its sources; they get the step that installs the
 * dependencies alone.
 */
import { positionalArgs } from '../../vocabulary';
import type { DependencyInstall } from '../../vocabulary';

/** `workdir`: where the install runs (a cargo-chef recipe is copied from there). */
export function remediationFor(
  install: DependencyInstall,
  workdir: string,
): string {
  const written = writtenCommand(install);
  const words = install.command.args.map(arg => arg.value);
  const first = positionalArgs(install.command)[0]?.value;
  const copyManifests = `\`COPY ${install.manifests.join(' ')} ./\``;
  switch (install.tool) {
    case 'cargo':
      if (first === 'build' || first === 'fetch')
        // Cargo reads no manifest without a target: it needs src/ for either.
        return (
          `Build the dependencies alone first, with cargo-chef (cargo needs the sources to ${first}): ` +
          `\`cargo chef prepare --recipe-path recipe.json\` in a planner stage, then ` +
          `\`COPY --from=planner ${workdir.replace(
            /\/$/,
            '',
          )}/recipe.json .\` → \`RUN cargo chef cook${
            words.includes('--release') ? ' --release' : ''
          } --recipe-path recipe.json\` → \`COPY . .\` → \`RUN ${written}\`.`
        );
      break;
    case 'maven':
      if (first === 'package' || first === 'install')
        return dependenciesFirst(
          '`COPY pom.xml ./` → `RUN mvn dependency:go-offline`',
          written,
        );
      break;
    case 'poetry':
      if (!words.includes('--no-root') && !words.includes('--only-root'))
        return dependenciesFirst(
          `${copyManifests} → \`RUN ${written} --no-root\``,
          written,
        );
      break;
    case 'uv':
      if (first === 'sync' && !words.includes('--no-install-project'))
        return dependenciesFirst(
          `${copyManifests} → \`RUN ${written} --no-install-project\``,
          written,
        );
      break;
    case 'pip':
      if (words.includes('.'))
        return dependenciesFirst(
          '`COPY requirements.txt ./` → `RUN pip install -r requirements.txt` (the dependencies, from a requirements file or an export of the lock)',
          `${written} --no-deps`,
        );
      break;
    default:
      break;
  }
  return (
    `Copy ${install.manifests.join(
      ', ',
    )} first, install, then copy the rest: ` +
    `${copyManifests} → \`RUN ${written}\` → \`COPY . .\`.`
  );
}

/** The install builds the project too: the dependencies alone first, the project after its sources. */
function dependenciesFirst(dependencies: string, project: string): string {
  return (
    `Install the dependencies alone first, then the project with its sources: ` +
    `${dependencies} → \`COPY . .\` → \`RUN ${project}\`.`
  );
}

/**
 * The words as the shell gets them, quoted only where they must be: the
 * same for shell form, exec form and heredocs, on one line.
 */
function writtenCommand(install: DependencyInstall): string {
  return install.command.argv
    .map(word =>
      word.literal && !/\s/.test(word.value) ? word.value : word.text,
    )
    .join(' ');
}
