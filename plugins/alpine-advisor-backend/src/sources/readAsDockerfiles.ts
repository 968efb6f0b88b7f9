import type { SourceFile } from '@alpine-advisor/backstage-plugin-node';
import {
  NotADockerfile,
  whyNotADockerfile,
} from '@alpine-advisor/repository-layout';

/** A file found by its name that is not a Dockerfile, and why. */
export interface NotDockerfileFile {
  path: string;
  why: NotADockerfile;
}

/**
 * Of the files a reader found by name, those that read as Dockerfiles
 * (`whyNotADockerfile`, the CLI's test too): a template or a Go source named
 * like a Dockerfile is not analysed into parse errors.
 */
export function readAsDockerfiles(files: SourceFile[]): {
  dockerfiles: SourceFile[];
  notDockerfiles: NotDockerfileFile[];
} {
  const dockerfiles: SourceFile[] = [];
  const notDockerfiles: NotDockerfileFile[] = [];
  for (const file of files) {
    const why = whyNotADockerfile(file.path, file.content);
    if (why) notDockerfiles.push({ path: file.path, why });
    else dockerfiles.push(file);
  }
  return { dockerfiles, notDockerfiles };
}

/** The end of a "No Dockerfile found" message that names what was found instead. */
export function describeNotDockerfiles(files: NotDockerfileFile[]): string {
  if (files.length === 0) return '';
  const shown = files
    .slice(0, 3)
    .map(file => `${file.path} is ${file.why.message}`)
    .join('; ');
  const more = files.length > 3 ? `; and ${files.length - 3} more` : '';
  return ` (files named like one are not: ${shown}${more})`;
}
