import type {
  DockerfileInstruction,
  FileReport,
  Finding,
  Grade,
} from '@alpine-advisor/analyzer';
import type {
  ImageFinding,
  ImageReport,
} from '@alpine-advisor/image-inspector';

/** Points an image finding costs: a certain break weighs more than a Dockerfile guess. */
const COST = { error: 25, warning: 5, info: 0 } as const;

/**
 * The image as one "file" of the analyzer's report, so every output format
 * and the exit-code policy apply unchanged: each finding at line 1 of the
 * archive, its message carrying the path, the layer and the history line
 * (and the Dockerfile line it maps to).
 */
export function imageFileReport(
  displayPath: string,
  image: ImageReport,
  mapped: Map<
    ImageFinding,
    { dockerfile: string; instruction: DockerfileInstruction }
  >,
): FileReport {
  const findings: Finding[] = image.findings.map(finding => {
    const where = mapped.get(finding);
    const layer = `layer ${
      finding.location.layer
    } ${finding.location.layerDigest.slice(0, 19)}`;
    const origin = originOf(finding, where);
    return {
      ruleId: finding.ruleId,
      category: 'musl',
      severity: finding.severity,
      line: 1,
      endLine: 1,
      column: 1,
      message: `${finding.message} (${layer}${origin})`,
      remediation: finding.remediation,
      aliases: [],
    };
  });
  const deducted = image.findings.reduce(
    (sum, finding) => sum + COST[finding.severity],
    0,
  );
  const score = Math.max(0, 100 - deducted);
  return {
    path: displayPath,
    score,
    grade: gradeOf(score),
    findings,
    explanation: {
      summary: `Built image (${image.libc.libc}${
        image.libc.distro
          ? `, ${image.libc.distro} ${image.libc.distroVersion ?? ''}`.trimEnd()
          : ''
      }): 100 minus ${COST.error} per error and ${COST.warning} per warning.`,
      deductions: [],
    },
    stages: [],
    usesAlpine: image.libc.distro === 'alpine',
  };
}

/** Where the layer came from: the Dockerfile line when mapped, else the history line. */
function originOf(
  finding: ImageFinding,
  where: { dockerfile: string; instruction: DockerfileInstruction } | undefined,
): string {
  if (where) {
    return `, from ${where.dockerfile}:${where.instruction.line} ${where.instruction.keyword}`;
  }
  const createdBy = finding.location.createdBy;
  return createdBy ? `, created by ${JSON.stringify(createdBy)}` : '';
}

function gradeOf(score: number): Grade {
  if (score >= 90) return 'A';
  if (score >= 80) return 'B';
  if (score >= 70) return 'C';
  if (score >= 60) return 'D';
  return 'F';
}
