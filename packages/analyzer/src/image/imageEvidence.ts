import type { Finding, FindingEvidence } from '../types';
import { dockerfileInstructions, instructionFor } from './historyToInstruction';
import type { DockerfileInstruction } from './historyToInstruction';

/**
 * What the join reads of a built image's report: image-inspector's
 * `ImageReport` has these fields (and more), as does the JSON that
 * `alpine-advisor image --format json` prints under `image`. Declared here
 * structurally so that the analyzer depends on no image reader.
 * @public
 */
export interface ImageFacts<F extends ImageFactFinding = ImageFactFinding> {
  /** `sha256:…`, when the archive names it. */
  imageId?: string;
  findings: ReadonlyArray<F>;
}

/** One image finding, as the join reads it. @public */
export interface ImageFactFinding {
  /** An image check's rule id, e.g. `image-glibc-binary-on-musl`. */
  ruleId: string;
  location: {
    /** Absolute path inside the image. */
    path: string;
    /** The `created_by` history line of the layer that wrote the file. */
    createdBy?: string;
  };
}

/** The Dockerfile's findings and what the image said of each, with the image findings' instructions. @public */
export interface ImageJoin<F extends ImageFactFinding = ImageFactFinding> {
  /** Per Dockerfile finding (same order): the image's evidence, or undefined when the image cannot speak to it. */
  evidence: Array<FindingEvidence | undefined>;
  /** Each image finding's Dockerfile instruction, when its layer's history maps to one. */
  instructions: Map<F, DockerfileInstruction>;
}

/**
 * Which image checks can show the problem a Dockerfile rule predicts. A
 * rule missing here predicts something no image check looks for (a build
 * that fails, a DNS or locale behaviour): the image neither confirms nor
 * clears it.
 */
const IMAGE_CHECKS_BY_RULE: Readonly<Record<string, readonly string[]>> = {
  'glibc-binary-into-alpine': [
    'image-glibc-binary-on-musl',
    'image-glibc-library-on-musl',
    'image-unresolved-library',
  ],
  'glibc-download-in-alpine': [
    'image-glibc-binary-on-musl',
    'image-glibc-library-on-musl',
    'image-unresolved-library',
  ],
  'glibc-loader-path-in-alpine': ['image-glibc-binary-on-musl'],
  'go-cgo-glibc-into-alpine': [
    'image-glibc-binary-on-musl',
    'image-unresolved-library',
  ],
  'rust-gnu-target-into-alpine': [
    'image-glibc-binary-on-musl',
    'image-unresolved-library',
  ],
  'jdk-glibc-into-alpine': [
    'image-glibc-runtime-on-musl',
    'image-glibc-binary-on-musl',
  ],
  'dotnet-glibc-rid-for-alpine': [
    'image-glibc-runtime-on-musl',
    'image-glibc-binary-on-musl',
    'image-glibc-library-on-musl',
  ],
  'oracle-instant-client-on-alpine': [
    'image-glibc-library-on-musl',
    'image-unresolved-library',
  ],
  'node-modules-across-libc': ['image-glibc-node-addon-on-musl'],
  'node-musl-platform-package-missing': ['image-glibc-node-addon-on-musl'],
  'prisma-engine-libc': [
    'image-glibc-node-addon-on-musl',
    'image-glibc-library-on-musl',
  ],
  'python-packages-across-libc': [
    'image-manylinux-wheel-on-musl',
    'image-glibc-library-on-musl',
  ],
  'glibc-compat-shim': ['image-glibc-shim-masking'],
};

/** The image checks that can show a Dockerfile rule's problem; empty when none can. */
export function imageChecksFor(ruleId: string): readonly string[] {
  return IMAGE_CHECKS_BY_RULE[ruleId] ?? [];
}

/**
 * Joins a built image's findings with the findings of the Dockerfile it was
 * built from. Each image finding is mapped through its layer's history line
 * to the instruction that wrote it; a Dockerfile musl finding is then
 *
 * - `confirmed` when an image finding of a check that can show its problem
 *   comes from the finding's line;
 * - `not-seen` when no such image finding exists, or all of them come from
 *   other lines;
 * - left without evidence when such an image finding exists but its history
 *   maps to no line (the legacy builder's `COPY file:<hash>`): it may be
 *   this finding's, so the image cannot clear it. So is a finding whose
 *   rule no image check can show.
 *
 * `dockerfileText` may be absent (not stored): then nothing maps, and only
 * the image's silence speaks.
 */
export function joinImageFindings<F extends ImageFactFinding>(
  findings: ReadonlyArray<Pick<Finding, 'ruleId' | 'category' | 'line'>>,
  dockerfileText: string | undefined,
  image: ImageFacts<F>,
): ImageJoin<F> {
  const lines = dockerfileText ? dockerfileInstructions(dockerfileText) : [];
  const instructions = new Map<F, DockerfileInstruction>();
  for (const finding of image.findings) {
    const instruction = instructionFor(finding.location.createdBy, lines);
    if (instruction) instructions.set(finding, instruction);
  }
  const imageName = image.imageId ?? 'the built image';
  const evidence = findings.map(finding => {
    const checks = imageChecksFor(finding.ruleId);
    if (finding.category !== 'musl' || checks.length === 0) return undefined;
    const relevant = image.findings.filter(shown =>
      checks.includes(shown.ruleId),
    );
    const confirming = relevant.find(
      shown => instructions.get(shown)?.line === finding.line,
    );
    if (confirming) {
      return {
        source: 'image',
        verdict: 'confirmed' as const,
        detail: `${imageName}: ${confirming.location.path} (${confirming.ruleId})`,
      };
    }
    if (relevant.some(shown => !instructions.has(shown))) return undefined;
    return {
      source: 'image',
      verdict: 'not-seen' as const,
      detail: `${imageName}: no ${checks.join(' / ')} finding from line ${
        finding.line
      }`,
    };
  });
  return { evidence, instructions };
}
