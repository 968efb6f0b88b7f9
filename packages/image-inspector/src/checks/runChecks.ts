import type { ImageFinding } from '../types';
import { CheckContext, elfEntries } from './CheckContext';
import { glibcLinkedFiles } from './glibcLinkedFiles';
import { glibcShims } from './glibcShims';
import { loaderMismatch } from './loaderMismatch';
import { manylinuxWheels } from './manylinuxWheels';
import { unresolvedLibraries } from './unresolvedLibraries';

/** Every image check over the merged file system, findings ordered by path then rule. */
export function runChecks(context: CheckContext): {
  findings: ImageFinding[];
  notes: string[];
} {
  const elves = elfEntries(context);
  const wheels = manylinuxWheels(context);
  const findings = [
    ...loaderMismatch(context, elves),
    ...unresolvedLibraries(context, elves),
    ...wheels.findings,
    ...glibcLinkedFiles(context, elves, wheels.sitePackages),
    ...glibcShims(context, elves),
  ].sort(
    (a, b) =>
      a.location.path.localeCompare(b.location.path) ||
      a.ruleId.localeCompare(b.ruleId),
  );
  const notes = elves
    .filter(entry => entry.elf.incomplete)
    .map(
      entry =>
        `/${entry.path}: ${entry.elf.incomplete}; its libraries were not checked`,
    );
  return { findings, notes };
}
