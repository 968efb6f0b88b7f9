import type { RuleCheck } from '../../framework/types';

const REMOTE = /^(https?|git|ssh):\/\/|^git@|\.git(#.*)?$/;
const ARCHIVE =
  /\.(tar|tgz|tbz2?|txz|tar\.(gz|bz2|xz|zst|lz4?)|gz|bz2|xz|zst)$/i;
/** Flags only ADD has: replacing ADD with COPY would drop their meaning. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

export const check: RuleCheck = context => ({
  ADD(add) {
    if (
      add.sources.length === 0 ||
      add.sources.some(
        source =>
          REMOTE.test(source.value) ||
          ARCHIVE.test(source.value) ||
          source.value.includes('$'),
      )
    ) {
      return;
    }
    if (add.sources.some(source => source.value.startsWith('<<'))) return;
    const keyword = { start: add.start, end: add.start + 3 };
    const fixable =
      !add.flags.some(flag => ADD_ONLY_FLAGS.has(flag.name)) &&
      context.text.slice(keyword.start, keyword.end).toUpperCase() === 'ADD';
    context.report({
      at: add,
      messageId: 'addLocal',
      data: { sources: add.sources.map(source => source.value).join(', ') },
      fix: fixable
        ? {
            description: 'Replace ADD with COPY',
            edits: [{ ...keyword, text: 'COPY' }],
          }
        : undefined,
    });
  },
});
