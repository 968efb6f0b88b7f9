/** "1 error", "2 errors": counts in words read naturally. */
export function plural(
  count: number,
  word: string,
  pluralWord = `${word}s`,
): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}
