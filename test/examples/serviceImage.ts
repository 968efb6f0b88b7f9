/*
 * Builds the image an example service's Dockerfile would produce, offline,
 * from the image inspector's test fixtures: Alpine's base layer (musl
 * loader, release files), one layer per RUN/COPY/ADD of the final stage
 * with BuildKit's history line, and for each `COPY --from=<stage> FILE DEST`
 * a real binary compiled here with the host's gcc, so linked against glibc,
 * as the builder stage (a glibc image) would have made it. The demo
 * (scripts/demo-image-report.mjs) runs it to post an image report.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     test/examples/serviceImage.ts examples/services/ledger-sync/Dockerfile out.tar
 */
import fs from 'node:fs';
import path from 'node:path';
// The image fixture builders are test code; sharing them beats copying them.
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { alpineBase } from '@alpine-advisor/image-inspector/src/__testUtils__/baseLayers';
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import {
  compileC,
  HELLO_C,
} from '@alpine-advisor/image-inspector/src/__testUtils__/compile';
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { dockerSaveArchive } from '@alpine-advisor/image-inspector/src/__testUtils__/imageArchives';
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import type { TestLayer } from '@alpine-advisor/image-inspector/src/__testUtils__/imageArchives';

/** An instruction of the final stage: keyword and arguments, continuation lines joined. */
interface Instruction {
  keyword: string;
  args: string;
}

/** The RUN, COPY and ADD instructions after the last FROM. */
export function finalStageInstructions(dockerfile: string): Instruction[] {
  const joined = dockerfile.replace(/\\\r?\n/g, ' ');
  const instructions = joined
    .split(/\r?\n/)
    .map(line => /^\s*([A-Za-z]+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .filter(match => !match[1].startsWith('#'))
    .map(match => ({ keyword: match[1].toUpperCase(), args: match[2] }));
  const lastFrom = instructions.map(i => i.keyword).lastIndexOf('FROM');
  return instructions
    .slice(lastFrom + 1)
    .filter(i => ['RUN', 'COPY', 'ADD'].includes(i.keyword));
}

/** The history line BuildKit writes for the instruction. */
function historyLine({ keyword, args }: Instruction): string {
  return keyword === 'RUN'
    ? `RUN /bin/sh -c ${args} # buildkit`
    : `${keyword} ${args} # buildkit`;
}

/** What a `COPY --from=<stage> FILE DEST` puts into the image: the destination path. */
function copiedBinaryPath({ keyword, args }: Instruction): string | undefined {
  if (keyword !== 'COPY' || !/^--from=\S+/.test(args)) return undefined;
  const words = args.split(/\s+/).filter(word => !word.startsWith('--'));
  if (words.length !== 2) return undefined;
  const [source, destination] = words;
  const target = destination.endsWith('/')
    ? `${destination}${path.posix.basename(source)}`
    : destination;
  return target.replace(/^\//, '');
}

/** The layers of the image the Dockerfile's final stage builds. */
export function serviceImageLayers(dockerfile: string): TestLayer[] {
  const glibcBinary = compileC('gcc', HELLO_C);
  return [
    alpineBase(),
    ...finalStageInstructions(dockerfile).map(instruction => {
      const binary = copiedBinaryPath(instruction);
      return {
        createdBy: historyLine(instruction),
        entries: binary ? [{ path: binary, content: glibcBinary }] : [],
      };
    }),
  ];
}

/** Writes the `docker save` archive of the service's image to `out`. */
export async function writeServiceImage(
  dockerfilePath: string,
  out: string,
): Promise<void> {
  const dockerfile = fs.readFileSync(dockerfilePath, 'utf8');
  const service = path.basename(path.dirname(path.resolve(dockerfilePath)));
  const archive = await dockerSaveArchive(
    { layers: serviceImageLayers(dockerfile) },
    `acme/${service}:demo`,
  );
  fs.writeFileSync(out, archive);
}

if (require.main === module) {
  const [dockerfilePath, out] = process.argv.slice(2);
  if (!dockerfilePath || !out) {
    process.stderr.write('usage: serviceImage.ts DOCKERFILE OUT.tar\n');
    process.exit(2);
  }
  writeServiceImage(dockerfilePath, out).catch(error => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
}
