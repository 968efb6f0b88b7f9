import { ImageReadError } from '../ImageReadError';

/**
 * A tar entry's name as a path inside the image, without a leading slash or
 * `.` segments. Docker refuses layers whose names climb out of the root with
 * `..`, and so does this: nothing is ever extracted, but a path that means
 * "outside the image" has no honest answer.
 */
export function normalizeEntryPath(
  name: string,
  where: string,
  maxLength: number,
): string {
  if (name.length > maxLength) {
    throw new ImageReadError(
      `${where}: an entry name is ${name.length} characters long (limit ${maxLength})`,
    );
  }
  const parts: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) {
        throw new ImageReadError(
          `${where}: entry ${JSON.stringify(
            name,
          )} climbs out of the image root (path traversal)`,
        );
      }
      parts.pop();
      continue;
    }
    parts.push(part);
  }
  return parts.join('/');
}
