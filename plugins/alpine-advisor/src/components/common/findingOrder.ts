import type {
  Category,
  DockerfileResult,
  Finding,
  Severity,
} from '../../api/types';

const SEVERITY_RANK: Record<Severity, number> = {
  error: 0,
  warning: 1,
  info: 2,
};
// musl findings first among equals: they break at runtime, the rest cost size or time.
const CATEGORY_RANK: Record<Category, number> = {
  musl: 0,
  alpine: 1,
  hygiene: 2,
};

export interface LocatedFinding extends Finding {
  path: string;
}

/** Worst first: by severity, then musl before Alpine before hygiene, then by line. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    CATEGORY_RANK[a.category] - CATEGORY_RANK[b.category] ||
    a.line - b.line
  );
}

export function worstFindings(
  dockerfiles: DockerfileResult[],
  limit: number,
): LocatedFinding[] {
  return dockerfiles
    .flatMap(file =>
      file.findings.map(finding => ({ ...finding, path: file.path })),
    )
    .sort(compareFindings)
    .slice(0, limit);
}

export function countByCategory(
  dockerfiles: DockerfileResult[],
): Record<Category, number> {
  const counts: Record<Category, number> = { musl: 0, alpine: 0, hygiene: 0 };
  for (const file of dockerfiles) {
    for (const finding of file.findings) counts[finding.category] += 1;
  }
  return counts;
}

/** The first line of a remediation, for one-line summaries. */
export function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}
