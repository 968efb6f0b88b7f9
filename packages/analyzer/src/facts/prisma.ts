/*
 * Prisma facts from a build context: the `binaryTargets` of the client
 * generators in schema.prisma, which say which platforms' query engines the
 * generated client carries.
 */

/** The engines a Prisma schema asks its clients to carry. @public */
export interface PrismaSchemaFacts {
  file: string;
  /** `binaryTargets` of every `generator` block, in order; `['native']` when a generator names none. */
  binaryTargets: string[];
}

export function parsePrismaSchema(
  file: string,
  text: string,
): PrismaSchemaFacts {
  const binaryTargets: string[] = [];
  const generators = text.matchAll(
    /^\s*generator\s+\w+\s*\{([\s\S]*?)^\s*\}/gm,
  );
  let sawGenerator = false;
  for (const [, body] of generators) {
    sawGenerator = true;
    const uncommented = body.replace(/\/\/.*$/gm, '');
    const list = /binaryTargets\s*=\s*\[([^\]]*)\]/.exec(uncommented);
    if (!list) {
      binaryTargets.push('native');
      continue;
    }
    for (const quoted of list[1].matchAll(/"([^"]*)"/g))
      binaryTargets.push(quoted[1]);
  }
  if (!sawGenerator) throw new Error('no generator block');
  return { file, binaryTargets };
}
